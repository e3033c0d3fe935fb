import type { IncomingMessage, ServerResponse } from 'node:http';
import { AuthError, signPrincipal, verifyBearerToken, type AuthConfig, type Principal } from '@polyplus/auth';
import { answerAfterUnreadBody, defaultSubgraphTransport, subgraphUrl, type HttpRoutes } from '@polyplus/subgraph-kit';
import type { RateLimiter } from '../limits/rate-limiter';

/** Case attachment transfers: `PUT /files/uploads/<link>`, `GET /files/downloads/<link>`, served by the incidents subgraph. */
export const FILES_PREFIX = '/files/';
/** Personal-data exports (`GET /files/personal-data/<link>`), served by the customers subgraph. */
export const PERSONAL_DATA_PREFIX = '/files/personal-data/';

// What the incidents service may tell the caller about a transfer; nothing else of its answer is relayed.
const RELAYED_RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'content-disposition',
  'content-security-policy',
  'x-content-type-options',
  'cache-control',
  'repr-digest',
  'allow',
  'retry-after',
];

export type FileRelayOptions = { env: NodeJS.ProcessEnv; auth: AuthConfig; limiter?: RateLimiter };

function refuse(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  // The rest of a refused upload is read and dropped first, so that the refusal reaches the uploader.
  answerAfterUnreadBody(request, () => {
    response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
    response.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
  });
}

async function authenticate(request: IncomingMessage, response: ServerResponse, options: FileRelayOptions): Promise<Principal | undefined> {
  let principal: Principal;
  try {
    // Files are never public: a transfer carries the caller's bearer token like any API call.
    principal = await verifyBearerToken(request.headers.authorization, options.auth);
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    refuse(request, response, 401, error.code, error.message);
    return undefined;
  }
  const decision = await options.limiter?.take(principal, request);
  if (decision && !decision.allowed) {
    const retryAfterSeconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
    refuse(request, response, 429, 'RATE_LIMITED', `Too many requests; retry after ${retryAfterSeconds} s`, {
      'retry-after': String(retryAfterSeconds),
    });
    return undefined;
  }
  return principal;
}

/** Streams one transfer to the service behind it (incidents; customers for exports) and its answer back, with the caller's principal signed as for GraphQL. */
function relay(request: IncomingMessage, response: ServerResponse, principal: Principal, options: FileRelayOptions): void {
  const path = (request.url ?? '/').split('?')[0];
  const target = new URL(request.url ?? '/', subgraphUrl(path.startsWith(PERSONAL_DATA_PREFIX) ? 'customers' : 'incidents', options.env));
  const headers: Record<string, string> = { ...signPrincipal(principal, options.auth.principalSecrets[0]) };
  for (const name of ['content-type', 'content-length', 'transfer-encoding']) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  let answered = false;
  // https:// to the incidents service goes with the configured CA and client certificate.
  const upstream = defaultSubgraphTransport(options.env).request(target, { method: request.method, headers }, (answer) => {
    answered = true;
    const relayed: Record<string, string> = {};
    for (const name of RELAYED_RESPONSE_HEADERS) {
      const value = answer.headers[name];
      if (typeof value === 'string') relayed[name] = value;
    }
    if (answer.headers.connection === 'close') relayed.connection = 'close';
    response.writeHead(answer.statusCode ?? 502, relayed);
    answer.pipe(response);
    answer.once('error', () => response.destroy());
    answer.once('aborted', () => response.destroy());
  });
  // Once the service has answered (e.g. 413 before reading the rest of an upload), the failing
  // rest of the request does not cut that answer short.
  upstream.once('error', () => {
    if (!answered) refuse(request, response, 503, 'SERVICE_UNAVAILABLE', 'File transfers are temporarily unavailable; try again shortly');
  });
  // The caller went away: stop the transfer upstream too.
  response.once('close', () => {
    if (!response.writableFinished) upstream.destroy();
  });
  request.once('error', () => upstream.destroy());
  request.pipe(upstream);
}

/**
 * The gateway's `/files/` paths: attachment uploads and downloads relayed, streaming both ways, to
 * the incidents service, which checks the signed link and the caller. The caller is authenticated
 * and rate-limited here like a GraphQL request; nothing is buffered.
 */
export function fileRelay(options: FileRelayOptions): HttpRoutes {
  return (request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (!path.startsWith(FILES_PREFIX)) return false;
    authenticate(request, response, options)
      .then((principal) => principal && relay(request, response, principal, options))
      .catch(() => refuse(request, response, 503, 'SERVICE_UNAVAILABLE', 'File transfers are temporarily unavailable; try again shortly'));
    return true;
  };
}
