import { useEffect, useState, type ReactNode } from 'react';
import { GraphqlClientProvider, useSessionToken } from '@polyplus/web-ui';
import { NavigationProvider, PUBLIC_VIEWS, useNavigation, type Route } from './routing';
import { fetchAuthSettings, demoSignIn, type AuthSettings, type DemoIdentity } from './session/auth-settings';
import { PortalSessionProvider } from './session/portal-session';
import { SignInPage } from './session/sign-in-page';
import { PortalLayout, PublicLayout } from './layout/portal-layout';
import { OverviewPage } from './overview/overview-page';
import { ProductsPage } from './products/products-page';
import { CasesPage } from './cases/cases-page';
import { CasePage } from './cases/case-page';
import { ReplacementsPage } from './replacements/replacements-page';
import { VisitsPage } from './visits/visits-page';
import { KnowledgePage } from './knowledge/knowledge-page';
import { DownloadsPage } from './downloads/downloads-page';
import { NoticesPage } from './notices/notices-page';
import { DirectoryPage } from './public/directory-page';
import { TermsPage } from './public/terms-page';
import { NotFoundPage } from './ui/not-found-page';

const TOKEN_KEY = 'support-center.token';

function signedInView(route: Route): ReactNode {
  switch (route.view) {
    case 'overview':
      return <OverviewPage />;
    case 'products':
      return <ProductsPage />;
    case 'cases':
      return <CasesPage />;
    case 'case':
      return <CasePage id={route.id} />;
    case 'replacements':
      return <ReplacementsPage />;
    case 'visits':
      return <VisitsPage />;
    case 'knowledge':
      return <KnowledgePage />;
    case 'downloads':
      return <DownloadsPage />;
    case 'notices':
      return <NoticesPage />;
    case 'directory':
      return <DirectoryPage />;
    case 'terms':
      return <TermsPage />;
    default:
      return <NotFoundPage path={'path' in route ? route.path : window.location.pathname} />;
  }
}

/** The development sign-in link `npm start` prints: /?sign-in=admin or /?sign-in=technician. */
function useSignInFromAddress(settings: AuthSettings | null, signIn: (token: string) => void, onProblem: (problem: string) => void): void {
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const identity = params.get('sign-in') as DemoIdentity | null;
    if (!identity || !settings) return;
    params.delete('sign-in');
    window.history.replaceState(null, '', `${window.location.pathname}${params.size ? `?${params}` : ''}`);
    if (!settings.demoIdentities.includes(identity)) {
      onProblem('This server offers no development sign-in.');
      return;
    }
    demoSignIn(identity).then(
      (session) => signIn(session.token),
      (error: Error) => onProblem(error.message),
    );
  }, [settings, signIn, onProblem]);
}

function Portal() {
  const { token, signIn, signOut } = useSessionToken(TOKEN_KEY);
  const { route, navigate } = useNavigation();
  const [settings, setSettings] = useState<AuthSettings | null>(null);
  const [settingsError, setSettingsError] = useState<string | null>(null);
  useEffect(() => {
    fetchAuthSettings().then(setSettings, (error: Error) => setSettingsError(error.message));
  }, []);
  useSignInFromAddress(settings, signIn, setSettingsError);
  const signOutHome = () => {
    signOut();
    navigate('/');
  };
  if (!token) {
    if (PUBLIC_VIEWS.has(route.view)) {
      return (
        <GraphqlClientProvider token={null}>
          <PublicLayout>{route.view === 'directory' ? <DirectoryPage /> : <TermsPage />}</PublicLayout>
        </GraphqlClientProvider>
      );
    }
    return <SignInPage settings={settings} settingsError={settingsError} onSignIn={signIn} />;
  }
  return (
    <GraphqlClientProvider token={token}>
      <PortalSessionProvider token={token} signOut={signOutHome}>
        <PortalLayout>{signedInView(route)}</PortalLayout>
      </PortalSessionProvider>
    </GraphqlClientProvider>
  );
}

/** The Online Support Center: public pages for anyone, the rest after signing in. */
export function App() {
  return (
    <NavigationProvider>
      <Portal />
    </NavigationProvider>
  );
}
