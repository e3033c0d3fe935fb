import { onScrape, scrapeTimeGauge } from './scrape-time';

const backlog = scrapeTimeGauge({
  name: 'polyplus_outbox_backlog_events',
  help: 'Events written to the outbox and not yet published to the event stream.',
  labelNames: ['database'],
});

const oldest = scrapeTimeGauge({
  name: 'polyplus_outbox_oldest_age_seconds',
  help: 'Age of the oldest unpublished outbox event (0 when the outbox is drained).',
  labelNames: ['database'],
});

export type OutboxReading = { unpublished: number; oldestOccurredAt: Date | null };

/** Reports an outbox at each scrape through `read` (the outbox owner's query), until the returned function is called. */
export function watchOutbox(database: string, read: () => Promise<OutboxReading>): () => void {
  return onScrape('outbox', async () => {
    const reading = await read();
    backlog.set({ database }, reading.unpublished);
    oldest.set({ database }, reading.oldestOccurredAt ? Math.max(0, (Date.now() - reading.oldestOccurredAt.getTime()) / 1000) : 0);
  });
}
