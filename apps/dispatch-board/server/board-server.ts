import { startWebServer, type WebServer } from '@polyplus/web-kit';
import { demoSignInRoutes } from './demo-sign-in';

export type BoardServerOptions = {
  /** Folder with the built page (vite build output). */
  root: string;
  /** The gateway's GraphQL URL; the page reaches it as /graphql on this server. */
  gatewayUrl: string;
  port?: number;
  host?: string;
  /** One-click sign-in as the demo planner (development only; see boardDemoSignIn). */
  demoSignIn?: boolean;
  /** Keys the development sign-in signs with; default process.env. */
  env?: NodeJS.ProcessEnv;
};

export type BoardServer = WebServer;

/**
 * Serves the built board and relays /graphql (queries over HTTP, subscriptions over WebSocket) to
 * the gateway, so the page has one origin and loads nothing from anywhere else; outside production
 * it also signs in the demo planner with one click.
 */
export function startBoardServer(options: BoardServerOptions): Promise<BoardServer> {
  const { demoSignIn = false, env, ...server } = options;
  return startWebServer({ ...server, service: 'dispatch-board', routes: demoSignInRoutes({ demoSignIn, env }) });
}
