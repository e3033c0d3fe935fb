import type { DataSource } from 'typeorm';
import { decodeEvent } from '../contract/decode-event';
import { OutboxEvent } from '../outbox/outbox-event.entity';

/**
 * Reads back every event the real producers wrote to an outbox and decodes it as a consumer
 * would: the topics seen, and each refused event with why (a producer drifting from the contract).
 */
export async function decodeOutbox(dataSource: DataSource): Promise<{ topics: string[]; refused: string[] }> {
  const rows = await dataSource.getRepository(OutboxEvent).find();
  const refused: string[] = [];
  for (const row of rows) {
    const decoded = decodeEvent({
      id: row.id,
      topic: row.topic,
      key: row.aggregateKey,
      source: 'outbox',
      occurredAt: row.occurredAt.toISOString(),
      payload: JSON.parse(row.payload),
    });
    if (!decoded.ok) refused.push(`${row.topic} ${row.id}: ${decoded.reason}`);
  }
  return { topics: [...new Set(rows.map((row) => row.topic))].sort(), refused };
}
