import { useState } from 'react';
import { SignInPage } from './auth/sign-in-page';
import { BoardClientProvider } from './graphql/board-client';
import { BoardPage } from './board/board-page';

const TOKEN_KEY = 'dispatch-board.token';

/** Signed out: the token form. Signed in: the board, talking to the gateway with that token. */
export function App() {
  const [token, setToken] = useState<string | null>(() => sessionStorage.getItem(TOKEN_KEY));
  const signIn = (value: string) => {
    sessionStorage.setItem(TOKEN_KEY, value);
    setToken(value);
  };
  const signOut = () => {
    sessionStorage.removeItem(TOKEN_KEY);
    setToken(null);
  };
  if (!token) return <SignInPage onSignIn={signIn} />;
  return (
    <BoardClientProvider token={token}>
      <BoardPage onSignOut={signOut} />
    </BoardClientProvider>
  );
}
