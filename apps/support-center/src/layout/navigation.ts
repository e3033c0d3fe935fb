import type { Route } from '../routing';

export type NavItem = { to: string; label: string; views: Route['view'][] };

/** The portal's sections, in the service description's order. */
export const SIGNED_IN_NAV: NavItem[] = [
  { to: '/', label: 'Overview', views: ['overview'] },
  { to: '/products', label: 'Products and licensing', views: ['products'] },
  { to: '/cases', label: 'Service requests', views: ['cases', 'case'] },
  { to: '/replacements', label: 'Parts replacement', views: ['replacements'] },
  { to: '/visits', label: 'Onsite visits', views: ['visits'] },
  { to: '/knowledge', label: 'Knowledge base', views: ['knowledge'] },
  { to: '/downloads', label: 'Downloads', views: ['downloads'] },
  { to: '/notices', label: 'Security notices', views: ['notices'] },
  { to: '/support-directory', label: 'Contact support', views: ['directory'] },
  { to: '/replacement-terms', label: 'Replacement terms', views: ['terms'] },
];

export const PUBLIC_NAV: NavItem[] = [
  { to: '/support-directory', label: 'Contact support', views: ['directory'] },
  { to: '/replacement-terms', label: 'Replacement terms', views: ['terms'] },
];
