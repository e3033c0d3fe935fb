// A consumer replica in a process of its own, for tests that kill it: reads the group like a
// service would and records each event it handles in the Redis list RECORD_KEY. An event whose key
// is HANG_ON_KEY never finishes (the process is killed holding it), e.g. a replica that died mid-work.
import { createRedis } from '../redis';
import { consumeEvents } from '../outbox/event-consumer';
import { anyEvent } from './any-event';

async function main() {
  const env = process.env;
  const redis = createRedis('worker', env.REDIS_URL as string);
  const consumer = await consumeEvents({
    redis,
    // Probe topics, not the product's: handed on as read.
    decode: anyEvent,
    stream: env.STREAM as string,
    group: env.GROUP as string,
    consumer: 'replica',
    claimIdleMs: Number(env.CLAIM_IDLE_MS ?? 60_000),
    blockMs: 100,
    handler: async (event) => {
      await redis.rpush(env.RECORD_KEY as string, `${process.pid}:${event.id}`);
      if (event.key === env.HANG_ON_KEY) await new Promise(() => undefined);
    },
  });
  console.log(`consumer ${consumer.name} ready`);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
