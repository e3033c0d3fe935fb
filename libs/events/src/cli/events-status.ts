// Prints every consumer group of the event stream: lag, pending entries, consumers, dead letters.
// Usage: node -r @swc-node/register libs/events/src/cli/events-status.ts [--json]
// Reads REDIS_CLUSTER_NODES / REDIS_URL and QUEUE_PREFIX like the services.
import { createRedis, waitForRedis } from '../redis';
import { eventStreamKey } from '../outbox/event-envelope';
import { eventStreamStatus } from '../outbox/consumer-status';

async function main(): Promise<void> {
  const redis = createRedis('producer');
  redis.on('error', () => undefined);
  try {
    await waitForRedis(redis, 10_000);
    const stream = eventStreamKey();
    const groups = await eventStreamStatus(redis, stream);
    if (process.argv.includes('--json')) {
      console.log(JSON.stringify({ stream, length: await redis.xlen(stream), groups }, null, 2));
      return;
    }
    console.log(`${stream}: ${await redis.xlen(stream)} entries`);
    console.log('  group                               lag  pending  dead-lettered  consumers (pending, idle)');
    for (const group of groups) {
      const consumers = group.consumers
        .map((consumer) => `${consumer.name} (${consumer.pending}, ${Math.round(consumer.idleMs / 1000)} s)`)
        .join(', ');
      console.log(
        `  ${group.group.padEnd(32)} ${String(group.lag ?? '?').padStart(6)} ${String(group.pending).padStart(8)} ${String(group.deadLettered).padStart(14)}  ${consumers}`,
      );
    }
  } finally {
    redis.disconnect();
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
