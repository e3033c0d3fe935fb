import type { DataSource } from 'typeorm';
import { appendProbeEvent } from '../outbox/append-to-outbox';
import { OutboxEvent } from '../outbox/outbox-event.entity';
import { publishToStream, startOutboxRelay } from '../outbox/outbox-relay';
import type { RedisConnection } from '../redis';

/** Commits `count` probe events under one key in one transaction; their ids in order. */
export function commitProbeEvents(dataSource: DataSource, count: number, key: string): Promise<string[]> {
  return dataSource.transaction(async (manager) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push(await appendProbeEvent(manager, { topic: 'probe.happened', key, payload: { label: key, i } }));
    return ids;
  });
}

/**
 * A relay that crashed between publishing and marking: the outbox rows of `key` are published to
 * the stream as a relay sends them, left unmarked, and a restarted relay drains the outbox, so each
 * of those events reaches the stream twice.
 */
export async function republishAfterRelayCrash(
  dataSource: DataSource,
  producer: RedisConnection,
  stream: string,
  key: string,
): Promise<void> {
  const rows = await dataSource.getRepository(OutboxEvent).find({ where: { aggregateKey: key }, order: { sequence: 'ASC' } });
  await publishToStream(
    producer,
    stream,
    rows.map((row) => ({
      id: row.id,
      topic: row.topic,
      key: row.aggregateKey,
      source: 'probe',
      occurredAt: row.occurredAt.toISOString(),
      payload: JSON.parse(row.payload),
    })),
  );
  const relay = startOutboxRelay({ dataSource, redis: producer, source: 'probe', stream, pollMs: 50 });
  await relay.drainOnce();
  await relay.stop();
}
