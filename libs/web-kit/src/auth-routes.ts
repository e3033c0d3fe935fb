import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson, type RouteHandler } from './web-server';

/**
 * A page server's sign-in routes: `/auth/settings` answers `settings` (what the page asks before anyone signs in);
 * `/auth/demo` is answered by `demoSignIn` only when one is given (the development sign-in is on); any other
 * `/auth/` path is 404.
 */
export function authRoutes(
  settings: object,
  demoSignIn?: (request: IncomingMessage, response: ServerResponse) => Promise<void>,
): RouteHandler {
  return async (request, response, path) => {
    if (!path.startsWith('/auth/')) return false;
    if (path === '/auth/settings') {
      sendJson(response, 200, settings);
    } else if (path === '/auth/demo' && demoSignIn) {
      await demoSignIn(request, response);
    } else {
      sendJson(response, 404, { error: 'Not found' });
    }
    return true;
  };
}
