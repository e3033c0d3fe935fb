// The portal server's settings, read once at start; a bad value names its variable.
import { builtPageRoot } from '@polyplus/web-kit';

export type PortalConfig = {
  port: number;
  host: string;
  gatewayUrl: string;
  /** Folder with the built portal (vite build output). */
  root: string;
  production: boolean;
  /** The issuer whose tokens the gateway accepts (AUTH_JWT_ISSUER); the sign-in page names it. */
  issuer: string;
  /** One-click development sign-in as the demo customer's admin or designated technician; never in production. */
  demoSignIn: boolean;
  /** The demo customer the development sign-in acts for. */
  demoCustomer: string;
};

function port(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65_535)
    throw new Error(`${name} must be a port number (0-65535), not ${JSON.stringify(raw)}`);
  return value;
}

function url(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name] ?? fallback;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new Error(`${name} must be an http(s) URL, not ${JSON.stringify(raw)}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new Error(`${name} must be an http(s) URL, not ${JSON.stringify(raw)}`);
  return parsed.toString();
}

/**
 * SUPPORT_CENTER_PORT (default 4020), HOST, GATEWAY_URL (default the local gateway),
 * SUPPORT_CENTER_ROOT (default dist/apps/support-center/public), AUTH_JWT_ISSUER, and outside production
 * SUPPORT_CENTER_DEMO_SIGN_IN (on by default; "off" turns it off) and SUPPORT_CENTER_DEMO_CUSTOMER.
 */
export function portalConfig(env: NodeJS.ProcessEnv = process.env): PortalConfig {
  const production = env.NODE_ENV === 'production';
  const demo = (env.SUPPORT_CENTER_DEMO_SIGN_IN ?? 'on').toLowerCase();
  if (!['on', 'off'].includes(demo))
    throw new Error(`SUPPORT_CENTER_DEMO_SIGN_IN must be "on" or "off", not ${JSON.stringify(env.SUPPORT_CENTER_DEMO_SIGN_IN)}`);
  return {
    port: port(env, 'SUPPORT_CENTER_PORT', 4020),
    host: env.HOST ?? '127.0.0.1',
    gatewayUrl: url(env, 'GATEWAY_URL', `http://127.0.0.1:${port(env, 'GATEWAY_PORT', 4000)}/graphql`),
    root: env.SUPPORT_CENTER_ROOT ?? builtPageRoot('support-center', __dirname),
    production,
    issuer: env.AUTH_JWT_ISSUER ?? 'polyplus',
    demoSignIn: !production && demo === 'on',
    demoCustomer: env.SUPPORT_CENTER_DEMO_CUSTOMER ?? 'Northwind Trading',
  };
}
