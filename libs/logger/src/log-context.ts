import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What every line logged while handling one request, job or event carries: the request id the
 * gateway accepted or made, the trace it belongs to, and for background work which job or event.
 */
export type LogContext = {
  requestId?: string;
  traceId?: string;
  queue?: string;
  jobId?: string;
  eventId?: string;
  topic?: string;
};

const storage = new AsyncLocalStorage<LogContext>();

/** Runs `fn` with `context` added to the current one (inner values win); every line it logs carries them. */
export function withLogContext<T>(context: LogContext, fn: () => T): T {
  const defined = Object.fromEntries(Object.entries(context).filter(([, value]) => value !== undefined && value !== '')) as LogContext;
  return storage.run({ ...storage.getStore(), ...defined }, fn);
}

/** The context of the request, job or event being handled; empty outside one. */
export function currentLogContext(): LogContext {
  return storage.getStore() ?? {};
}
