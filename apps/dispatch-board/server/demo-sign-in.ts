// Development only: a one-click sign-in as the demo dispatch planner, the way the Online Support
// Center signs in its demo customer people (GET /auth/settings, POST /auth/demo). The token is a
// development token (libs/auth), which is never issued in production; there the board takes only
// tokens of the real issuer, pasted on its sign-in page.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEMO_PLANNER, issueDevelopmentToken } from '@polyplus/auth';
import { boardPageGroup, isProduction, readConfig } from '@polyplus/config';
import { authRoutes, readJsonBody, sendJson, type RouteHandler } from '@polyplus/web-kit';

export type BoardDemoIdentity = 'planner';

/** What the board's page asks before anyone signs in. */
export type BoardAuthSettings = { demoSignIn: boolean; demoIdentities: BoardDemoIdentity[] };

export type BoardDemoSession = { token: string; subject: string; role: string };

export type DemoSignInOptions = {
  /** On only outside production (see boardDemoSignIn). */
  demoSignIn: boolean;
  /** Keys the development token is signed with (the gateway's); default process.env. */
  env?: NodeJS.ProcessEnv;
};

/** The one-click sign-in is on outside production unless BOARD_DEMO_SIGN_IN=off. */
export function boardDemoSignIn(env: NodeJS.ProcessEnv = process.env): boolean {
  const { BOARD_DEMO_SIGN_IN: on } = readConfig({ BOARD_DEMO_SIGN_IN: boardPageGroup.BOARD_DEMO_SIGN_IN }, env);
  return !isProduction(env) && on;
}

async function answerDemoSignIn(options: DemoSignInOptions, request: IncomingMessage, response: ServerResponse): Promise<void> {
  // JSON only: a form on another site cannot send it without the browser asking this server first.
  if (request.method !== 'POST' || !(request.headers['content-type'] ?? '').startsWith('application/json')) {
    sendJson(response, 405, { error: 'POST a JSON body { "as": "planner" }' }, { allow: 'POST' });
    return;
  }
  const body = (await readJsonBody(request)) as { as?: unknown } | null;
  if (body?.as !== 'planner') {
    sendJson(response, 400, { error: 'Sign in as "planner"' });
    return;
  }
  const token = await issueDevelopmentToken(DEMO_PLANNER, options.env ?? process.env);
  const session: BoardDemoSession = { token, subject: DEMO_PLANNER.subject, role: DEMO_PLANNER.role };
  sendJson(response, 200, session);
}

/** `/auth/settings` always; `/auth/demo` only while the development sign-in is on (404 otherwise). */
export function demoSignInRoutes(options: DemoSignInOptions): RouteHandler {
  const settings: BoardAuthSettings = { demoSignIn: options.demoSignIn, demoIdentities: options.demoSignIn ? ['planner'] : [] };
  return authRoutes(settings, options.demoSignIn ? (request, response) => answerDemoSignIn(options, request, response) : undefined);
}
