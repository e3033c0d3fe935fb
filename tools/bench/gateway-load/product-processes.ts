// Starts the product's gateway again, a process of its own beside the stack's, with one part changed or
// left out, so the benchmark can weigh what each part of the gateway layer costs; or as it is, profiled.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort, stopChild, waitForHealth } from '@polyplus/local-stack';

export type ProductVariant = { label: string; env: Record<string, string> };
export type RunningProduct = { url: string; stop: () => Promise<void> };

const ROOT = join(__dirname, '..', '..', '..');

/**
 * Each variant leaves out one part. Shared reads and the rate limiter have settings; query limits and the
 * subscription server are left out from code (product-gateway.ts). Token verification has no switch: a
 * gateway that trusts any caller is no variant of this one; its share shows in the profile (--profile).
 */
export const PRODUCT_VARIANTS: ProductVariant[] = [
  { label: "product's gateway, shared reads off", env: { GATEWAY_SHARED_READS: 'off' } },
  {
    label: "product's gateway, rate limiter off",
    env: { RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_STAFF_PER_MINUTE: '0', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0' },
  },
  { label: "product's gateway, query limits off", env: { BENCH_GATEWAY_WITHOUT: 'query-limits' } },
  { label: "product's gateway, subscription server off", env: { BENCH_GATEWAY_WITHOUT: 'subscriptions' } },
];

/** `profileFile`: the process writes a V8 CPU profile of its serving there when it stops. */
export async function startProductVariant(variant: ProductVariant, env: NodeJS.ProcessEnv, profileFile?: string): Promise<RunningProduct> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'product-gateway.ts')], {
    cwd: ROOT,
    env: { ...env, ...variant.env, GATEWAY_PORT: String(port), ...(profileFile ? { BENCH_PROFILE_FILE: profileFile } : {}) },
    stdio: 'ignore',
  });
  try {
    await waitForHealth(`http://127.0.0.1:${port}/health`, child, 120_000);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { url: `http://127.0.0.1:${port}/graphql`, stop: () => stopChild(child) };
}
