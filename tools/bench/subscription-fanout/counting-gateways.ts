import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { freePort, waitForHealth } from '@polyplus/local-stack';
import { SUBGRAPH_NAMES, type SubgraphName } from '@polyplus/subgraph-kit';
import { countingProxy, type CountingProxy } from './counting-proxy';

const ROOT = join(__dirname, '..', '..', '..');

export type CountingGateways = {
  /** One proxy per subgraph, counting the requests the gateways below send it. */
  proxies: Record<SubgraphName, CountingProxy>;
  /** The gateways' processes (their CPU time can be read) and GraphQL URLs. */
  gateways: ChildProcess[];
  urls: string[];
  close(): Promise<void>;
};

/**
 * Gateways that serve only subscriptions, with their subgraph traffic through counting proxies: the
 * stack's own gateway takes the mutations, so the proxies count what deliveries cost. `onStarted`
 * hands the parts over as they start, so a failure part-way still lets the caller close them.
 */
export async function startCountingGateways(
  stackEnv: NodeJS.ProcessEnv,
  count: number,
  onStarted: (parts: CountingGateways) => void,
): Promise<CountingGateways> {
  const parts: CountingGateways = {
    proxies: {} as Record<SubgraphName, CountingProxy>,
    gateways: [],
    urls: [],
    async close() {
      for (const child of parts.gateways) child.kill('SIGTERM');
      await Promise.all(Object.values(parts.proxies).map((proxy) => proxy.close()));
    },
  };
  onStarted(parts);
  for (const name of SUBGRAPH_NAMES) parts.proxies[name] = await countingProxy(stackEnv[`${name.toUpperCase()}_URL`] as string);
  for (let i = 0; i < count; i++) {
    const port = await freePort();
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/gateway/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...stackEnv,
        GATEWAY_PORT: String(port),
        ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_URL`, parts.proxies[name].url])),
      },
      stdio: 'ignore',
    });
    parts.gateways.push(child);
    await waitForHealth(`http://127.0.0.1:${port}/health`, child, 120_000);
    parts.urls.push(`http://127.0.0.1:${port}/graphql`);
  }
  return parts;
}
