// Who may do what on the queue dashboard. Vendor support staff (the SUPPORT group) operate it:
// they may retry and clean jobs; the other vendor staff (dispatch planners) only look. Customers,
// partners and anonymous callers get nothing, not even the queues' names.
import type { IncomingMessage } from 'node:http';
import type { Principal } from '@polyplus/auth';
import { STAFF, SUPPORT } from '@polyplus/subgraph-kit';

export type DashboardAccess = 'operate' | 'read';

export function dashboardAccessOf(principal: Principal): DashboardAccess | undefined {
  if (SUPPORT.includes(principal.role)) return 'operate';
  if (STAFF.includes(principal.role)) return 'read';
  return undefined;
}

/**
 * The changes an operator may make, as Bull Board names its API routes: retrying and cleaning jobs
 * (one, or all of a status). Pausing, emptying or obliterating a queue, promoting a delayed timer,
 * adding jobs or editing their data would bypass the services' own rules, so those stay refused.
 */
const OPERATIONS: ReadonlySet<string> = new Set([
  'put /api/queues/:queueName/retry/:queueStatus',
  'put /api/queues/:queueName/:jobId/retry',
  'put /api/queues/:queueName/clean/:queueStatus',
  'put /api/queues/:queueName/:jobId/clean',
]);

export function isPermittedOperation(method: string, route: string): boolean {
  return method.toLowerCase() === 'get' || OPERATIONS.has(`${method.toLowerCase()} ${route}`);
}

/** Requests that read and change nothing. */
export function isSafeMethod(request: IncomingMessage): boolean {
  return request.method === 'GET' || request.method === 'HEAD';
}

/**
 * Whether a browser sent the request from a page of this origin: its Origin names this host and
 * Fetch Metadata, when sent, agrees. Browsers send Origin with every POST/PUT/PATCH, so a form or
 * script on another site that rides on the session cookie fails here.
 */
export function isFromThisOrigin(request: IncomingMessage): boolean {
  const { origin, host } = request.headers;
  const site = request.headers['sec-fetch-site'];
  if (!origin || !host || (site !== undefined && site !== 'same-origin')) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
