// The queue dashboard: Bull Board over every BullMQ queue of the product (PRODUCT_QUEUES), at
// `/queues` on the gateway, behind staff sign-in. Support engineers get the operator's board
// (retry, clean), dispatch planners the read-only one; everyone else is refused before Bull Board
// is asked anything, so no queue name reaches them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { anonymousPrincipal, AuthError, type AuthConfig } from '@polyplus/auth';
import type { HttpRoutes } from '@polyplus/subgraph-kit';
import type { RateLimiter } from '../limits/rate-limiter';
import { dashboardAccessOf, isFromThisOrigin, isSafeMethod } from './dashboard-access';
import { dashboardQueues } from './dashboard-queues';
import { DASHBOARD_HEADERS } from './dashboard-headers';
import { dashboardCaller, type DashboardCaller } from './dashboard-session';
import { answerSignIn, type SignInOptions } from './dashboard-sign-in';

/** Where the gateway serves the dashboard. */
export const QUEUE_DASHBOARD_PATH = '/queues';

export type QueueDashboardOptions = { env: NodeJS.ProcessEnv; auth: AuthConfig; limiter?: RateLimiter };

export type QueueDashboard = { routes: HttpRoutes; close(): Promise<void> };

function refuse(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  // A browser navigating to a page without a session is sent to sign in; anything else gets the status.
  const page = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
  if (status === 401 && page) {
    response.writeHead(303, { ...DASHBOARD_HEADERS, location: `${QUEUE_DASHBOARD_PATH}/sign-in` }).end();
    return;
  }
  response.writeHead(status, { ...DASHBOARD_HEADERS, 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify({ error: message }));
}

async function callerOf(request: IncomingMessage, auth: AuthConfig): Promise<DashboardCaller | undefined> {
  try {
    return await dashboardCaller(request, auth);
  } catch (error) {
    // A bad, expired or foreign credential is no sign-in at all.
    if (error instanceof AuthError) return undefined;
    throw error;
  }
}

/** The dashboard's routes; the queues behind them are opened on first use. */
export function startQueueDashboard(options: QueueDashboardOptions): QueueDashboard {
  const queues = dashboardQueues(options.env, QUEUE_DASHBOARD_PATH);
  const signIn: SignInOptions = { auth: options.auth, env: options.env, basePath: QUEUE_DASHBOARD_PATH };

  async function serve(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    if (path === `${QUEUE_DASHBOARD_PATH}/sign-in` || path === `${QUEUE_DASHBOARD_PATH}/sign-out`)
      return answerSignIn(request, response, path, signIn);
    const caller = await callerOf(request, options.auth);
    const decision = await options.limiter?.take(caller?.principal ?? anonymousPrincipal(), request);
    if (decision && !decision.allowed) {
      const retryAfterSeconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
      return refuse(request, response, 429, `Too many requests; retry after ${retryAfterSeconds} s`, {
        'retry-after': String(retryAfterSeconds),
      });
    }
    if (!caller) return refuse(request, response, 401, 'Sign in at /queues/sign-in with a staff access token');
    const access = dashboardAccessOf(caller.principal);
    if (!access) return refuse(request, response, 403, 'The queue dashboard is for vendor staff only');
    if (!isSafeMethod(request)) {
      // A change riding on the session cookie must come from the dashboard's own page.
      if (caller.via === 'cookie' && !isFromThisOrigin(request))
        return refuse(request, response, 403, 'Changes are accepted only from the queue dashboard itself');
      if (access === 'read') return refuse(request, response, 403, 'The queue dashboard is read-only for dispatch planners');
    }
    // BullMQ would wait for the connection for as long as Redis is away: say so at once instead.
    const { board, ready } = await queues.board(access);
    if (!ready && path.startsWith(`${QUEUE_DASHBOARD_PATH}/api/`))
      return refuse(request, response, 503, 'The queues cannot be read: Redis is not reachable', { 'retry-after': '5' });
    for (const [name, value] of Object.entries(DASHBOARD_HEADERS)) response.setHeader(name, value);
    // Bull Board's scripts and stylesheets (names carry a content hash) may be cached; pages and API answers not.
    if (path.startsWith(`${QUEUE_DASHBOARD_PATH}/static/`)) response.removeHeader('cache-control');
    await board(request, response);
  }

  return {
    routes: (request, response) => {
      const path = (request.url ?? '/').split('?')[0];
      if (path !== QUEUE_DASHBOARD_PATH && !path.startsWith(`${QUEUE_DASHBOARD_PATH}/`)) return false;
      serve(request, response, path).catch(() => {
        if (!response.headersSent) response.writeHead(500, { ...DASHBOARD_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
        response.end('The queue dashboard failed to answer');
      });
      return true;
    },
    close: () => queues.close(),
  };
}
