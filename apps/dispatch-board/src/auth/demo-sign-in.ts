// What the board's server says about signing in (GET /auth/settings), and its development sign-in
// as the demo planner (POST /auth/demo), offered only outside production.

export type BoardAuthSettings = { demoSignIn: boolean; demoIdentities: 'planner'[] };

export async function fetchAuthSettings(): Promise<BoardAuthSettings> {
  const response = await fetch('/auth/settings', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`The board’s sign-in settings are not available (${response.status})`);
  return (await response.json()) as BoardAuthSettings;
}

/** Development only: the board's server issues a token for the demo planner. */
export async function demoPlannerSignIn(): Promise<string> {
  const response = await fetch('/auth/demo', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ as: 'planner' }),
  });
  const body = (await response.json().catch(() => ({}))) as { token?: string; error?: string };
  if (!response.ok || !body.token) throw new Error(body.error ?? `The demo sign-in failed (${response.status})`);
  return body.token;
}
