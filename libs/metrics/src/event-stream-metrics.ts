import { onScrape, scrapeTimeGauge } from './scrape-time';

const lag = scrapeTimeGauge({
  name: 'polyplus_event_consumer_lag',
  help: 'Entries of the event stream a consumer group has not been delivered yet (XINFO GROUPS lag).',
  labelNames: ['group'],
});

const pending = scrapeTimeGauge({
  name: 'polyplus_event_consumer_pending',
  help: 'Entries delivered to a consumer group and not acknowledged yet (XINFO GROUPS pending).',
  labelNames: ['group'],
});

const deadLettered = scrapeTimeGauge({
  name: 'polyplus_event_dead_lettered_entries',
  help: 'Entries a consumer group gave up on and moved to its dead-letter stream since the stream began (kept in Redis; never decreases).',
  labelNames: ['group'],
});

export type ConsumerGroupReading = { group: string; lag: number | null; pending: number; deadLettered: number };

/** Reports a consumer group at each scrape through `read` (null: no such group yet), until the returned function is called. */
export function watchConsumerGroup(read: () => Promise<ConsumerGroupReading | null>): () => void {
  return onScrape('event_stream', async () => {
    const reading = await read();
    if (!reading) return;
    // Lag is unknown (null) after deletions Redis cannot account for: left out rather than guessed.
    if (reading.lag !== null) lag.set({ group: reading.group }, reading.lag);
    pending.set({ group: reading.group }, reading.pending);
    deadLettered.set({ group: reading.group }, reading.deadLettered);
  });
}
