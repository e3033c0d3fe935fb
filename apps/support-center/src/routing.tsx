import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useState,
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactNode,
} from 'react';

/** Every view of the portal has an address of its own, so a reload or a shared link shows the same view. */
export type Route =
  | { view: 'overview' }
  | { view: 'products' }
  | { view: 'cases' }
  | { view: 'case'; id: string }
  | { view: 'replacements' }
  | { view: 'visits' }
  | { view: 'knowledge' }
  | { view: 'downloads' }
  | { view: 'notices' }
  | { view: 'directory' }
  | { view: 'terms' }
  | { view: 'not-found'; path: string };

/** Views open without signing in. */
export const PUBLIC_VIEWS: ReadonlySet<Route['view']> = new Set(['directory', 'terms']);

const FIXED: Record<string, Route> = {
  '/': { view: 'overview' },
  '/products': { view: 'products' },
  '/cases': { view: 'cases' },
  '/replacements': { view: 'replacements' },
  '/visits': { view: 'visits' },
  '/knowledge': { view: 'knowledge' },
  '/downloads': { view: 'downloads' },
  '/notices': { view: 'notices' },
  '/support-directory': { view: 'directory' },
  '/replacement-terms': { view: 'terms' },
};

/** The view an address shows. */
export function routeOf(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (FIXED[path]) return FIXED[path];
  const caseMatch = /^\/cases\/([0-9a-fA-F-]{8,64})$/.exec(path);
  if (caseMatch) return { view: 'case', id: caseMatch[1].toLowerCase() };
  return { view: 'not-found', path };
}

type Navigation = { route: Route; navigate(to: string): void };

const NavigationContext = createContext<Navigation>({ route: { view: 'overview' }, navigate: () => undefined });

export function NavigationProvider({ children }: { children: ReactNode }) {
  const [route, setRoute] = useState<Route>(() => routeOf(window.location.pathname));
  useEffect(() => {
    const onPop = () => setRoute(routeOf(window.location.pathname));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((to: string) => {
    const url = new URL(to, window.location.href);
    window.history.pushState(null, '', `${url.pathname}${url.search}${url.hash}`);
    setRoute(routeOf(url.pathname));
    window.scrollTo(0, 0);
  }, []);
  return <NavigationContext.Provider value={{ route, navigate }}>{children}</NavigationContext.Provider>;
}

export function useNavigation(): Navigation {
  return useContext(NavigationContext);
}

/** A link to a view: an ordinary <a href> (open in a new tab works), followed without reloading the page. */
export function Link({
  to,
  children,
  ...rest
}: { to: string; children: ReactNode } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  const { navigate } = useNavigation();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    rest.onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} {...rest} onClick={onClick}>
      {children}
    </a>
  );
}
