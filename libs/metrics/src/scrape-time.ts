import { Counter, Gauge, type GaugeConfiguration } from 'prom-client';
import { metricsRegistry } from './registry';

/** What a source reads when Prometheus scrapes (queue depths, pool use, lag): set on its gauges. */
type ScrapeSource = { kind: string; collect(): Promise<void>; first: boolean };

const sources = new Set<ScrapeSource>();
const gauges = new Set<Gauge>();
let inFlight: Promise<void> | undefined;

const collectorFailures = new Counter({
  name: 'polyplus_metrics_collector_failures_total',
  help: 'Scrape-time readings that failed or took too long (their series are absent from that scrape).',
  labelNames: ['collector'],
  registers: [metricsRegistry()],
});

/** A gauge whose values are read at scrape time: emptied before each scrape, so a source that stopped leaves nothing stale. */
export function scrapeTimeGauge<T extends string>(configuration: Omit<GaugeConfiguration<T>, 'registers' | 'collect'>): Gauge<T> {
  const gauge = new Gauge<T>({ ...configuration, registers: [metricsRegistry()] });
  gauges.add(gauge as unknown as Gauge);
  return gauge;
}

/**
 * Reads `collect` at every scrape (under `kind`, a bounded name for failures) until the returned
 * function is called. `first`: read before any other source starts (what the others' own queries
 * would disturb, such as the database pool's use).
 */
export function onScrape(kind: string, collect: () => Promise<void>, options: { first?: boolean } = {}): () => void {
  const source: ScrapeSource = { kind, collect, first: options.first ?? false };
  sources.add(source);
  return () => {
    sources.delete(source);
  };
}

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function read(sources: ScrapeSource[], timeoutMs: number): Promise<unknown> {
  return Promise.all(
    sources.map((source) =>
      // A source that is down (Redis, the database) must not fail the scrape: the process metrics still matter then.
      within(
        Promise.resolve().then(() => source.collect()),
        timeoutMs,
      ).catch(() => collectorFailures.inc({ collector: source.kind })),
    ),
  );
}

async function collectAll(timeoutMs: number): Promise<void> {
  for (const gauge of gauges) gauge.reset();
  const all = [...sources];
  await read(
    all.filter((source) => source.first),
    timeoutMs,
  );
  await read(
    all.filter((source) => !source.first),
    timeoutMs,
  );
}

/**
 * Reads every registered source into its gauges. Concurrent scrapes share one reading, so one
 * never empties the gauges while another is being written out.
 */
export function collectScrapeTime(timeoutMs = 5_000): Promise<void> {
  inFlight ??= collectAll(timeoutMs).finally(() => {
    inFlight = undefined;
  });
  return inFlight;
}
