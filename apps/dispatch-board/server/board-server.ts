import { startWebServer, type WebServer } from '@polyplus/web-kit';

export type BoardServerOptions = {
  /** Folder with the built page (vite build output). */
  root: string;
  /** The gateway's GraphQL URL; the page reaches it as /graphql on this server. */
  gatewayUrl: string;
  port?: number;
  host?: string;
};

export type BoardServer = WebServer;

/**
 * Serves the built board and relays /graphql (queries over HTTP, subscriptions over WebSocket) to
 * the gateway, so the page has one origin and loads nothing from anywhere else.
 */
export function startBoardServer(options: BoardServerOptions): Promise<BoardServer> {
  return startWebServer({ ...options, service: 'dispatch-board' });
}
