// Starts the Hive Gateway variants the benchmark compares against, each a process of its own like the
// product's gateway, over the product's supergraph pointed at the running stack's subgraphs.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PRINCIPAL_HEADER, SIGNATURE_HEADER } from '@polyplus/auth';
import { freePort, stopChild } from '@polyplus/local-stack';

export type HiveVariant = { planner: 'js' | 'rust'; dedup: 'on' | 'off' };
export type RunningHive = { url: string; stop: () => Promise<void> };

const ROOT = join(__dirname, '..', '..', '..');
const SUPERGRAPH = join(ROOT, 'apps', 'gateway', 'supergraph.graphql');

/** The committed supergraph with each subgraph's URL replaced by the one the stack runs it at. */
export function supergraphForStack(env: NodeJS.ProcessEnv): string {
  const sdl = readFileSync(SUPERGRAPH, 'utf8').replace(/@join__graph\(name: "([a-z]+)", url: "[^"]*"\)/g, (_match, name: string) => {
    const url = env[`${name.toUpperCase()}_URL`];
    if (!url) throw new Error(`no ${name.toUpperCase()}_URL for the supergraph's ${name} subgraph`);
    return `@join__graph(name: "${name}", url: "${url}")`;
  });
  const path = join(mkdtempSync(join(tmpdir(), 'bench-hive-')), 'supergraph.graphql');
  writeFileSync(path, sdl);
  return path;
}

export async function startHive(variant: HiveVariant, supergraphPath: string, env: NodeJS.ProcessEnv): Promise<RunningHive> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'hive-gateway.ts')], {
    cwd: ROOT,
    env: {
      ...env,
      HIVE_SUPERGRAPH: supergraphPath,
      HIVE_PORT: String(port),
      HIVE_FORWARD: `${PRINCIPAL_HEADER},${SIGNATURE_HEADER}`,
      HIVE_DEDUP: variant.dedup,
      HIVE_PLANNER: variant.planner,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('listening') && resolve());
    child.once('exit', (code) =>
      reject(new Error(`Hive Gateway (${variant.planner}, dedup ${variant.dedup}) exited with ${code}: ${stderr}`)),
    );
  });
  return { url: `http://127.0.0.1:${port}/graphql`, stop: () => stopChild(child) };
}
