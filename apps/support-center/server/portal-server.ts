import type { IncomingMessage, ServerResponse } from 'node:http';
import { authRoutes, readJsonBody, sendJson, startWebServer, type WebServer } from '@polyplus/web-kit';
import { DEMO_IDENTITIES, DemoSignInError, demoSession, type DemoIdentity } from './demo-sign-in';
import type { PortalConfig } from './portal-config';

export type PortalServerOptions = Pick<PortalConfig, 'root' | 'gatewayUrl' | 'issuer' | 'demoSignIn' | 'demoCustomer'> & {
  port?: number;
  host?: string;
  /** Keys the development sign-in signs with (the gateway's); default process.env. */
  env?: NodeJS.ProcessEnv;
};

export type PortalServer = WebServer;

/** What the sign-in page needs to know before anyone signs in. */
export type PortalAuthSettings = { issuer: string; demoSignIn: boolean; demoIdentities: DemoIdentity[] };

async function answerDemoSignIn(options: PortalServerOptions, request: IncomingMessage, response: ServerResponse): Promise<void> {
  // JSON only: a form on another site cannot send it without the browser asking this server first.
  if (request.method !== 'POST' || !(request.headers['content-type'] ?? '').startsWith('application/json')) {
    sendJson(response, 405, { error: 'POST a JSON body { "as": "admin" | "technician" }' }, { allow: 'POST' });
    return;
  }
  const body = (await readJsonBody(request)) as { as?: unknown } | null;
  const identity = DEMO_IDENTITIES.find((candidate) => candidate === body?.as);
  if (!identity) {
    sendJson(response, 400, { error: 'Sign in as "admin" or "technician"' });
    return;
  }
  try {
    sendJson(
      response,
      200,
      await demoSession({ gatewayUrl: options.gatewayUrl, customerName: options.demoCustomer, identity, env: options.env }),
    );
  } catch (error) {
    const known = error instanceof DemoSignInError;
    sendJson(response, known ? 409 : 502, { error: known ? error.message : 'The gateway could not be asked for the demo customer' });
  }
}

/**
 * The Online Support Center's server: the built portal under a strict CSP, /graphql and /files/
 * (attachment transfers) relayed to the gateway, the sign-in settings, and outside production the
 * one-click demo sign-in.
 */
export function startPortalServer(options: PortalServerOptions): Promise<PortalServer> {
  return startWebServer({
    service: 'support-center',
    root: options.root,
    gatewayUrl: options.gatewayUrl,
    relayPrefixes: ['/files/'],
    port: options.port,
    host: options.host,
    routes: authRoutes(
      {
        issuer: options.issuer,
        demoSignIn: options.demoSignIn,
        demoIdentities: options.demoSignIn ? [...DEMO_IDENTITIES] : [],
      } satisfies PortalAuthSettings,
      options.demoSignIn ? (request, response) => answerDemoSignIn(options, request, response) : undefined,
    ),
  });
}
