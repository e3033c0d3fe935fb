import { collectDefaultMetrics, Registry } from 'prom-client';

// One registry per process: every series of this process, whichever module records it.
const registry = new Registry();
let serviceName: string | undefined;

/** The process's registry (for a series of your own: `new Counter({ ..., registers: [metricsRegistry()] })`). */
export function metricsRegistry(): Registry {
  return registry;
}

/**
 * Names the process's service: every series carries `service="<name>"`, and the default process
 * metrics (CPU, memory, event-loop lag, GC) start. The first name wins: tests that run several
 * servers in one process keep one label, and series recorded per server name their own.
 */
export function useMetricsService(name: string): void {
  if (serviceName !== undefined) return;
  serviceName = name;
  registry.setDefaultLabels({ service: name });
  collectDefaultMetrics({ register: registry });
}

/** The name given to {@link useMetricsService}, if any. */
export function metricsService(): string | undefined {
  return serviceName;
}
