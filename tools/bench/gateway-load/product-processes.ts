// Starts the product's gateway again with one setting changed, a process of its own beside the stack's,
// so the benchmark can weigh what each part of the gateway layer costs.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort, stopChild, waitForHealth } from '@polyplus/local-stack';

export type ProductVariant = { label: string; env: Record<string, string> };
export type RunningProduct = { url: string; stop: () => Promise<void> };

const ROOT = join(__dirname, '..', '..', '..');

/** Variants that the gateway's own settings allow: auth, query limits and subscriptions have no switch. */
export const PRODUCT_VARIANTS: ProductVariant[] = [
  { label: "product's gateway, shared reads off", env: { GATEWAY_SHARED_READS: 'off' } },
  {
    label: "product's gateway, rate limiter off",
    env: { RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_STAFF_PER_MINUTE: '0', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0' },
  },
];

export async function startProductVariant(variant: ProductVariant, env: NodeJS.ProcessEnv): Promise<RunningProduct> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'apps', 'gateway', 'src', 'main.ts')], {
    cwd: ROOT,
    env: { ...env, ...variant.env, GATEWAY_PORT: String(port) },
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
