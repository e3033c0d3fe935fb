import type { DataSource } from 'typeorm';
import { watchOutbox } from '@polyplus/metrics';
import { OutboxEvent } from './outbox-event.entity';

/**
 * Reports the outbox of a service's database (backlog, oldest unpublished event) at each scrape,
 * until the returned function is called; nothing for a database without an outbox.
 */
export function watchOutboxOf(dataSource: DataSource): () => void {
  if (!dataSource.hasMetadata(OutboxEvent)) return () => undefined;
  return watchOutbox(String(dataSource.options.database ?? 'default'), async () => {
    // Both through IDX_outbox_event_unpublished (publishedAt, sequence): the first row in drain order is the oldest.
    const [row] = (await dataSource.query(
      'SELECT (SELECT COUNT(*) FROM `outbox_event` WHERE `publishedAt` IS NULL) AS `unpublished`, ' +
        '(SELECT `occurredAt` FROM `outbox_event` WHERE `publishedAt` IS NULL ORDER BY `sequence` LIMIT 1) AS `oldest`',
    )) as {
      unpublished: number | string;
      oldest: Date | string | null;
    }[];
    return { unpublished: Number(row?.unpublished ?? 0), oldestOccurredAt: row?.oldest ? new Date(row.oldest) : null };
  });
}
