import { GraphqlClientProvider, useSessionToken } from '@polyplus/web-ui';
import { SignInPage } from './auth/sign-in-page';
import { BoardPage } from './board/board-page';

const TOKEN_KEY = 'dispatch-board.token';

/** Signed out: the token form. Signed in: the board, talking to the gateway with that token. */
export function App() {
  const { token, signIn, signOut } = useSessionToken(TOKEN_KEY);
  if (!token) return <SignInPage onSignIn={signIn} />;
  return (
    <GraphqlClientProvider token={token}>
      <BoardPage onSignOut={signOut} />
    </GraphqlClientProvider>
  );
}
