import { createClient, type Client } from 'graphql-ws';
import { WebSocket } from 'ws';
import { DEMO_ENGINEER, startStack, tokenFor, type Stack } from '@polyplus/local-stack';
import { deleteRedisKeys, dropDatabasesWithPrefix, uniqueTestPrefix } from '@polyplus/testing';
import { startCountingGateways, type CountingGateways } from './counting-gateways';

/** What a subscription benchmark runs on: a stack of its own and subscription gateways behind counting proxies. */
export type SubscriptionBench = {
  stack: Stack;
  /** The run's database prefix (`<prefix><subgraph>` names each database). */
  prefix: string;
  /** The run's queue and event stream prefix. */
  queuePrefix: string;
  /** The stack's own gateway as the demo support engineer: it takes the benchmark's mutations. */
  staff: { url: string; token: string };
  gateways: CountingGateways;
  /** The benchmark's subscriber sockets, disposed on clean-up. */
  clients: Client[];
  /** Stops everything and removes the run's databases and keys (once; also on SIGINT/SIGTERM). */
  cleanUp(): Promise<void>;
};

export async function startSubscriptionBench(suite: string, gatewayCount: number): Promise<SubscriptionBench> {
  const prefix = uniqueTestPrefix(suite);
  const queuePrefix = prefix.replace(/_$/, '');
  const env: NodeJS.ProcessEnv = {
    MYSQL_DATABASE_PREFIX: prefix,
    QUEUE_PREFIX: queuePrefix,
    NODE_ENV: 'test',
    // Measure fan-out, not the limiter: high enough never to refuse.
    RATE_LIMIT_PER_MINUTE: '100000000',
    RATE_LIMIT_BURST: '1000000',
    RATE_LIMIT_STAFF_PER_MINUTE: '100000000',
    RATE_LIMIT_STAFF_BURST: '1000000',
  };
  // Interrupted: stop what was started and remove the run's databases and keys before leaving.
  let cleanUp: () => Promise<void> = async () => {
    await dropDatabasesWithPrefix(prefix);
    await deleteRedisKeys(queuePrefix);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
  const stack = await startStack({ freePorts: true, env, log: () => undefined }).catch(async (error: unknown) => {
    await dropDatabasesWithPrefix(prefix);
    throw error;
  });
  let subscriptionGateways: CountingGateways | undefined;
  const clients: Client[] = [];
  let cleaned = false;
  cleanUp = async () => {
    if (cleaned) return;
    cleaned = true;
    await Promise.all(clients.map((client) => Promise.resolve(client.dispose()).catch(() => undefined)));
    await subscriptionGateways?.close();
    await stack.stop();
    await dropDatabasesWithPrefix(prefix);
    await deleteRedisKeys(queuePrefix);
  };
  try {
    const gateways = await startCountingGateways(stack.env, gatewayCount, (parts) => (subscriptionGateways = parts));
    const staff = { url: stack.gatewayUrl, token: await tokenFor(DEMO_ENGINEER, stack.env) };
    return { stack, prefix, queuePrefix, staff, gateways, clients, cleanUp: () => cleanUp() };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

/**
 * Opens a subscriber's socket to a gateway (`url`, its /graphql address) as the holder of `token` and resolves once it
 * is acknowledged; the socket is disposed on the bench's clean-up. Callers open sockets one after another: a burst of
 * handshakes on a loaded machine would outlast the server's connection_init wait.
 */
export async function openSubscriberSocket(bench: Pick<SubscriptionBench, 'clients'>, url: string, token: string): Promise<Client> {
  let connected: () => void = () => undefined;
  const open = new Promise<void>((resolve) => (connected = resolve));
  const client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: false,
    retryAttempts: 5,
    onNonLazyError: () => undefined,
    on: { connected: () => connected() },
  });
  bench.clients.push(client);
  await open;
  return client;
}
