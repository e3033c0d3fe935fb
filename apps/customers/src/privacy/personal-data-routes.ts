import { serviceLogger } from '@polyplus/logger';
import type { ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import { DomainError, httpStatusOf, signedPrincipal, type HttpRoutes } from '@polyplus/subgraph-kit';
import { EXPORT_PATH_PREFIX } from './export-link';
import type { PersonalDataExports } from './personal-data-exports';

const ROUTE = /^\/files\/personal-data\/([A-Za-z0-9_-]{1,2000}\.[A-Za-z0-9_-]{1,100})$/;

type RouteOptions = { principalSecrets: readonly string[]; log?: (message: string, error?: unknown) => void };

function sendError(response: ServerResponse, status: number, code: string, message: string): void {
  if (response.headersSent) {
    // Cut short: without its closing `complete: true` the reader knows the export is not whole.
    response.destroy();
    return;
  }
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * `GET /files/personal-data/<link>`: the export a link names, streamed as JSON. Like GraphQL
 * requests, only callers the gateway vouched for (its signed principal header) are served.
 */
export function personalDataRoutes(exports: PersonalDataExports, options: RouteOptions): HttpRoutes {
  const log = options.log ?? ((message: string, error?: unknown) => serviceLogger('personal-data').error({ err: error }, message));
  return (request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (!path.startsWith(EXPORT_PATH_PREFIX)) return false;
    const route = ROUTE.exec(path);
    if (!route) {
      sendError(response, 404, 'NOT_FOUND', 'No such export link');
      return true;
    }
    if (request.method !== 'GET') {
      response.setHeader('allow', 'GET');
      sendError(response, 405, 'BAD_REQUEST', 'Use GET on this link');
      return true;
    }
    Promise.resolve()
      .then(() => exports.stream(signedPrincipal(request, options.principalSecrets), route[1], response))
      .catch((error: unknown) => {
        if (error instanceof DomainError || error instanceof GraphQLError) {
          const code = String(error.extensions.code ?? 'INTERNAL_SERVER_ERROR');
          if (!response.headersSent) return sendError(response, httpStatusOf(code), code, error.message);
        }
        log('[personal-data] export failed', error);
        sendError(response, 503, 'SERVICE_UNAVAILABLE', 'The export could not be completed; try again shortly');
      });
    return true;
  };
}
