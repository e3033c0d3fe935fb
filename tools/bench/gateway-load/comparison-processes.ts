// Starts the gateways the benchmark compares against (Hive Gateway variants, plain @apollo/gateway), each a
// process of its own like the product's gateway, over the product's supergraph pointed at the running
// stack's subgraphs. None of them verifies a token: the bench sends them the signed principal header the
// product's gateway would send, and they pass it on to the subgraphs.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PRINCIPAL_HEADER, SIGNATURE_HEADER } from '@polyplus/auth';
import { freePort, stopChild } from '@polyplus/local-stack';

export type HiveVariant = { planner: 'js' | 'rust'; dedup: 'on' | 'off' };
export type RunningComparison = { url: string; stop: () => Promise<void> };

const ROOT = join(__dirname, '..', '..', '..');
const SUPERGRAPH = join(ROOT, 'apps', 'gateway', 'supergraph.graphql');

/** The committed supergraph with each subgraph's URL replaced by the one the stack runs it at. */
export function supergraphForStack(env: NodeJS.ProcessEnv): string {
  const sdl = readFileSync(SUPERGRAPH, 'utf8').replace(/@join__graph\(name: "([a-z]+)", url: "[^"]*"\)/g, (_match, name: string) => {
    const url = env[`${name.toUpperCase()}_URL`];
    if (!url) throw new Error(`no ${name.toUpperCase()}_URL for the supergraph's ${name} subgraph`);
    return `@join__graph(name: "${name}", url: "${url}")`;
  });
  const path = join(mkdtempSync(join(tmpdir(), 'bench-gateway-')), 'supergraph.graphql');
  writeFileSync(path, sdl);
  return path;
}

/** Runs one of this folder's gateway entries (configured through BENCH_* variables) until it says it listens. */
async function startComparison(
  entry: string,
  label: string,
  supergraphPath: string,
  env: Record<string, string>,
): Promise<RunningComparison> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, entry)], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...env,
      BENCH_SUPERGRAPH: supergraphPath,
      BENCH_PORT: String(port),
      BENCH_FORWARD: `${PRINCIPAL_HEADER},${SIGNATURE_HEADER}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('listening') && resolve());
    child.once('exit', (code) => reject(new Error(`${label} exited with ${code}: ${stderr}`)));
  });
  return { url: `http://127.0.0.1:${port}/graphql`, stop: () => stopChild(child) };
}

export function startHive(variant: HiveVariant, supergraphPath: string): Promise<RunningComparison> {
  return startComparison('hive-gateway.ts', `Hive Gateway (${variant.planner}, dedup ${variant.dedup})`, supergraphPath, {
    BENCH_HIVE_DEDUP: variant.dedup,
    BENCH_HIVE_PLANNER: variant.planner,
  });
}

export function startPlainApollo(supergraphPath: string): Promise<RunningComparison> {
  return startComparison('apollo-gateway.ts', 'plain @apollo/gateway', supergraphPath, {});
}
