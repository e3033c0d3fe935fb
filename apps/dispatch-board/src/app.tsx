import { useEffect, useState } from 'react';
import { GraphqlClientProvider, useSessionToken } from '@polyplus/web-ui';
import { SignInPage } from './auth/sign-in-page';
import { demoPlannerSignIn, fetchAuthSettings, type BoardAuthSettings } from './auth/demo-sign-in';
import { BoardPage } from './board/board-page';

const TOKEN_KEY = 'dispatch-board.token';

/**
 * The development sign-in link `npm start` prints (`?sign-in=planner`): the server issues the demo
 * planner's token and the board opens signed in; the parameter leaves the address either way.
 */
function useSignInFromAddress(
  settings: BoardAuthSettings | null,
  signIn: (token: string) => void,
  onProblem: (problem: string) => void,
): void {
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    if (!params.has('sign-in') || !settings) return;
    const identity = params.get('sign-in');
    params.delete('sign-in');
    window.history.replaceState(null, '', `${window.location.pathname}${params.size ? `?${params}` : ''}`);
    if (identity !== 'planner' || !settings.demoSignIn) {
      onProblem('This server offers no development sign-in: sign in with your planner token.');
      return;
    }
    demoPlannerSignIn().then(signIn, (error: Error) => onProblem(error.message));
  }, [settings, signIn, onProblem]);
}

/** Signed out: the token form (and, in development, the demo planner). Signed in: the board, talking to the gateway with that token. */
export function App() {
  const { token, signIn, signOut } = useSessionToken(TOKEN_KEY);
  const [settings, setSettings] = useState<BoardAuthSettings | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    fetchAuthSettings().then(setSettings, (error: Error) => setProblem(error.message));
  }, []);
  useSignInFromAddress(settings, signIn, setProblem);
  if (!token) return <SignInPage onSignIn={signIn} demoSignIn={settings?.demoSignIn ?? false} problem={problem} />;
  return (
    <GraphqlClientProvider token={token}>
      <BoardPage onSignOut={signOut} />
    </GraphqlClientProvider>
  );
}
