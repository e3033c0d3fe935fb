import { useCallback, useState } from 'react';

export type SessionToken = { token: string | null; signIn(token: string): void; signOut(): void };

/**
 * The bearer token of this browser tab: kept in sessionStorage, so it survives a reload but not
 * the tab, and is never sent anywhere but this page's own /graphql.
 */
export function useSessionToken(storageKey: string): SessionToken {
  const [token, setToken] = useState<string | null>(() => sessionStorage.getItem(storageKey));
  const signIn = useCallback(
    (value: string) => {
      sessionStorage.setItem(storageKey, value);
      setToken(value);
    },
    [storageKey],
  );
  const signOut = useCallback(() => {
    sessionStorage.removeItem(storageKey);
    setToken(null);
  }, [storageKey]);
  return { token, signIn, signOut };
}
