// Bull Board over the product's queues, twice: an operator's board (retry and clean) and a
// read-only one (Bull Board's readOnlyMode: no action buttons, and its API refuses every change).
// Each is Bull Board's express app, called by the gateway's plain node server behind its sign-in.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import { isPermittedOperation, type DashboardAccess } from './dashboard-access';

/** The part of Bull Board's express app the gateway uses (express's own types are not installed). */
type RenderingResponse = ServerResponse & {
  render(view: string, params: object | undefined, done: (error: Error | null, html: string) => void): void;
  send(body: string): void;
};
type BoardApp = ((request: IncomingMessage, response: ServerResponse, done: (error?: unknown) => void) => void) & {
  use(middleware: (request: IncomingMessage, response: RenderingResponse, next: () => void) => void): void;
  disable(setting: string): void;
};

/** Serves one board's page, assets and API for a request under its base path (404 for anything else). */
export type Board = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export type DashboardQueue = { queue: Queue; description: string };

// Bull Board's page links a web font from a font CDN; the dashboard loads nothing from the
// internet (its CSP would block it anyway), so the link is left out and the UI's own fonts apply.
const REMOTE_STYLESHEET = /<link\b[^>]*href="https?:\/\/[^"]*"[^>]*>/gi;

function withoutRemoteStylesheets(_request: IncomingMessage, response: RenderingResponse, next: () => void): void {
  const render = response.render.bind(response);
  response.render = (view, params) =>
    render(view, params, (error, html) => {
      if (error) {
        response.statusCode = 500;
        response.end();
        return;
      }
      response.send(html.replace(REMOTE_STYLESHEET, ''));
    });
  next();
}

/** One board over `queues` under `basePath` (e.g. `/queues`), for callers with `access`. */
export function createBoard(queues: readonly DashboardQueue[], access: DashboardAccess, basePath: string): Board {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(basePath);
  const app = adapter.getRouter() as unknown as BoardApp;
  app.disable('x-powered-by');
  // Registered before Bull Board's own routes, so it sees the page before it is rendered.
  app.use(withoutRemoteStylesheets);
  createBullBoard({
    queues: queues.map(
      ({ queue, description }) =>
        new BullMQAdapter(queue, { readOnlyMode: access === 'read', allowRetries: access === 'operate', description }),
    ),
    serverAdapter: adapter,
    options: {
      uiConfig: {
        boardTitle: 'Poly+ queues',
        hideDocsLink: true,
        miscLinks: [{ text: 'Sign out', url: `${basePath}/sign-out` }],
        ...(access === 'read' ? { environment: { label: 'read-only', color: '#4b5563' } } : {}),
      },
      // The board's API is Bull Board's own: only the operations listed in dashboard-access pass.
      handlerHooks: { before: ({ method, route }) => (isPermittedOperation(method, route) ? undefined : { allow: false, status: 403 }) },
    },
  });
  return (request, response) =>
    new Promise<void>((resolve, reject) => {
      // Bull Board routes below its base path, as when express mounts it there.
      request.url = (request.url ?? '/').slice(basePath.length) || '/';
      response.once('close', () => resolve());
      app(request, response, (error) => {
        if (error) return reject(error);
        // Nothing of Bull Board's matched.
        if (!response.headersSent) response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
        resolve();
      });
    });
}
