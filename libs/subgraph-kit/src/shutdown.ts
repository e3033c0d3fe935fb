import { serviceLogger } from '@polyplus/logger';
import { stopTracing } from '@polyplus/telemetry';

/**
 * Runs the stop steps once on SIGTERM/SIGINT, exiting 0 when they finish and 1 when they
 * outlast the grace period (a stuck dependency must not keep the process alive forever).
 */
export function stopOnSignals(
  stop: () => Promise<void>,
  graceMs = 10_000,
  log: (message: string) => void = (message) => serviceLogger().info(message),
): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received, shutting down (grace ${graceMs} ms)`);
    const timer = setTimeout(() => {
      log('grace period exceeded, exiting');
      process.exit(1);
    }, graceMs);
    timer.unref();
    // The spans of the last requests are exported before the process exits.
    stop()
      .then(() => stopTracing())
      .then(
        () => process.exit(0),
        (error) => {
          serviceLogger().error({ err: error }, 'stopping failed');
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
