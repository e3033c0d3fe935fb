/**
 * Wraps an async function so that at most `max` calls run at once; the others wait, first come
 * first served. Bounds the supergraph reads one event can start across many subscribers.
 */
export function limitConcurrency<A extends unknown[], R>(fn: (...args: A) => Promise<R>, max: number): (...args: A) => Promise<R> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (...args: A) => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await fn(...args);
    } finally {
      // Hand the slot straight to the next caller, or free it.
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
