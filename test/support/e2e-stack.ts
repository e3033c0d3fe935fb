import { deleteRedisKeys, dropDatabasesWithPrefix, uniqueTestPrefix } from '@polyplus/testing';
import { startStack, type Stack } from '@polyplus/local-stack';

export type E2eStack = Stack & { prefix: string; teardown(): Promise<void> };

/** The real stack on free ports, with databases and queue keys of its own, removed afterwards. */
export async function startE2eStack(suite: string): Promise<E2eStack> {
  const prefix = uniqueTestPrefix(suite);
  const queuePrefix = prefix.replace(/_$/, '');
  const logs: string[] = [];
  let stack: Stack;
  try {
    stack = await startStack({
      freePorts: true,
      env: { MYSQL_DATABASE_PREFIX: prefix, QUEUE_PREFIX: queuePrefix, NODE_ENV: 'test' },
      log: (line) => logs.push(line),
    });
  } catch (error) {
    await dropDatabasesWithPrefix(prefix);
    throw new Error(`${(error as Error).message}\n${logs.slice(-40).join('\n')}`);
  }
  return {
    ...stack,
    prefix,
    async teardown() {
      await stack.stop();
      await dropDatabasesWithPrefix(prefix);
      await deleteRedisKeys(queuePrefix);
    },
  };
}
