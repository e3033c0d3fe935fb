// What the portal's server says about signing in (GET /auth/settings), and its development sign-in.

export type DemoIdentity = 'admin' | 'technician';

export type AuthSettings = { issuer: string; demoSignIn: boolean; demoIdentities: DemoIdentity[] };

export type DemoSession = { token: string; name: string; customer: string; role: string; designated: boolean };

export async function fetchAuthSettings(): Promise<AuthSettings> {
  const response = await fetch('/auth/settings', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`The portal’s sign-in settings are not available (${response.status})`);
  return (await response.json()) as AuthSettings;
}

/** Development only: the server issues a token for the demo customer's admin or designated technician. */
export async function demoSignIn(identity: DemoIdentity): Promise<DemoSession> {
  const response = await fetch('/auth/demo', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ as: identity }),
  });
  const body = (await response.json().catch(() => ({}))) as Partial<DemoSession> & { error?: string };
  if (!response.ok || !body.token) throw new Error(body.error ?? `The demo sign-in failed (${response.status})`);
  return body as DemoSession;
}
