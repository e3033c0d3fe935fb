import { deleteRedisKeys, dropDatabasesWithPrefix, uniqueTestPrefix } from '@polyplus/testing';
import { DEMO_ENGINEER, startStack, tokenFor, type Stack } from '@polyplus/local-stack';
import type { Principal } from '@polyplus/auth';

export type GatewayAs = { url: string; token: string };

export type E2eStack = Stack & {
  prefix: string;
  /** The gateway as the demo support engineer (vendor staff: sets up every test's data). */
  gateway: GatewayAs;
  /** The gateway as any other principal. */
  as(principal: Principal): Promise<GatewayAs>;
  teardown(): Promise<void>;
};

/**
 * The real stack on free ports, with databases and queue keys of its own, removed afterwards.
 * `env` adds settings for every process (e.g. short escalation thresholds).
 */
export async function startE2eStack(suite: string, env: NodeJS.ProcessEnv = {}): Promise<E2eStack> {
  const prefix = uniqueTestPrefix(suite);
  const queuePrefix = prefix.replace(/_$/, '');
  const logs: string[] = [];
  let stack: Stack;
  try {
    stack = await startStack({
      freePorts: true,
      env: { ...env, MYSQL_DATABASE_PREFIX: prefix, QUEUE_PREFIX: queuePrefix, NODE_ENV: 'test' },
      log: (line) => logs.push(line),
    });
  } catch (error) {
    await dropDatabasesWithPrefix(prefix);
    throw new Error(`${(error as Error).message}\n${logs.slice(-40).join('\n')}`);
  }
  const as = async (principal: Principal) => ({ url: stack.gatewayUrl, token: await tokenFor(principal, stack.env) });
  return {
    ...stack,
    prefix,
    gateway: await as(DEMO_ENGINEER),
    as,
    async teardown() {
      await stack.stop();
      await dropDatabasesWithPrefix(prefix);
      await deleteRedisKeys(queuePrefix);
    },
  };
}
