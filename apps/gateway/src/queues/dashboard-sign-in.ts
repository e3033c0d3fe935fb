// Signing in to the queue dashboard: a page where staff paste their access token (POSTed as a
// form, from this origin only), or an `Authorization: Bearer` POST for scripts; either sets the
// session cookie. Outside production `?as=engineer` or `?as=planner` signs in as a demo identity
// with one click (development tokens are never issued in production, so there it does nothing).
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  AuthError,
  DEMO_ENGINEER,
  DEMO_PLANNER,
  issueDevelopmentToken,
  verifyBearerToken,
  type AuthConfig,
  type Principal,
} from '@polyplus/auth';
import { readFormBody } from '@polyplus/web-kit';
import { dashboardAccessOf, isFromThisOrigin } from './dashboard-access';
import { DASHBOARD_HEADERS } from './dashboard-headers';
import { expiredSessionCookie, sessionCookie } from './dashboard-session';

export type SignInOptions = { auth: AuthConfig; env: NodeJS.ProcessEnv; basePath: string };

const DEMO_IDENTITIES: Record<string, Principal> = { engineer: DEMO_ENGINEER, planner: DEMO_PLANNER };

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function sendPage(response: ServerResponse, status: number, options: SignInOptions, problem?: string): void {
  const development = options.env.NODE_ENV !== 'production';
  const demo = development
    ? `<p>Development: sign in as the <a href="${options.basePath}/sign-in?as=engineer">demo support engineer</a> (retry and clean) or the <a href="${options.basePath}/sign-in?as=planner">demo dispatch planner</a> (read-only).</p>`
    : '';
  response.writeHead(status, { ...DASHBOARD_HEADERS, 'content-type': 'text/html; charset=utf-8' });
  response.end(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Poly+ queues: sign in</title>
</head>
<body>
<main>
<h1>Poly+ queues</h1>
<p>The queue dashboard is for vendor staff: support engineers retry and clean jobs, dispatch planners see the queues read-only.</p>
${problem ? `<p role="alert"><strong>${escapeHtml(problem)}</strong></p>` : ''}
<form method="post" action="${options.basePath}/sign-in">
<label for="token">Access token</label><br>
<textarea id="token" name="token" rows="6" cols="70" required autocomplete="off" spellcheck="false"></textarea><br>
<button type="submit">Sign in</button>
</form>
${demo}
</main>
</body>
</html>
`);
}

async function signInAs(principal: Principal, token: string | undefined, response: ServerResponse, options: SignInOptions): Promise<void> {
  if (!dashboardAccessOf(principal)) {
    sendPage(response, 403, options, 'The queue dashboard is for vendor staff only.');
    return;
  }
  const cookie = await sessionCookie(principal, { auth: options.auth, env: options.env, path: options.basePath, token });
  response.writeHead(303, { ...DASHBOARD_HEADERS, location: `${options.basePath}/`, 'set-cookie': cookie });
  response.end();
}

async function postSignIn(request: IncomingMessage, response: ServerResponse, options: SignInOptions): Promise<void> {
  let authorization = request.headers.authorization;
  if (authorization === undefined) {
    // A form: only from a page of this origin, so no other site can sign a browser in.
    const form = isFromThisOrigin(request) ? await readFormBody(request) : null;
    if (!form) {
      sendPage(response, 403, options, 'Sign in from this page.');
      return;
    }
    authorization = `Bearer ${(form.get('token') ?? '').trim()}`;
  }
  let principal: Principal;
  try {
    principal = await verifyBearerToken(authorization, options.auth);
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    sendPage(response, 401, options, `${error.message}.`);
    return;
  }
  await signInAs(principal, authorization.slice('Bearer '.length), response, options);
}

/** `<base>/sign-in` (GET: the page, or a demo sign-in outside production; POST: a token) and `<base>/sign-out`. */
export async function answerSignIn(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  options: SignInOptions,
): Promise<void> {
  if (path === `${options.basePath}/sign-out`) {
    response.writeHead(303, {
      ...DASHBOARD_HEADERS,
      location: `${options.basePath}/sign-in`,
      'set-cookie': expiredSessionCookie(options.basePath, options.env),
    });
    response.end();
    return;
  }
  if (request.method === 'POST') return postSignIn(request, response, options);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { ...DASHBOARD_HEADERS, allow: 'GET, POST' }).end();
    return;
  }
  const demo = DEMO_IDENTITIES[new URL(request.url ?? '/', 'http://gateway').searchParams.get('as') ?? ''];
  if (demo && options.env.NODE_ENV !== 'production') {
    await signInAs(demo, await issueDevelopmentToken(demo, options.env), response, options);
    return;
  }
  sendPage(response, 200, options);
}
