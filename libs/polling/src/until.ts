export type UntilOptions<T> = {
  /** How long to keep asking; `Infinity` leaves the bound to the test's own timeout. Default 30 s. */
  timeoutMs?: number;
  /** Pause between two asks. Default 50 ms. */
  everyMs?: number;
  /** When the answer is good enough; by default any truthy answer is. */
  holds?: (value: NonNullable<T>) => boolean;
};

/**
 * Asks `probe` until its answer holds and resolves with that answer; after `timeoutMs` it fails
 * naming `what` and the last answer seen, so a stuck wait says what it was waiting for.
 */
export async function until<T>(
  probe: () => T | Promise<T>,
  what: string,
  options: UntilOptions<T> = {},
): Promise<Exclude<T, false | null | undefined>> {
  const { timeoutMs = 30_000, everyMs = 50, holds } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    const done = holds ? value !== undefined && value !== null && holds(value as NonNullable<T>) : Boolean(value);
    if (done) return value as Exclude<T, false | null | undefined>;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${timeoutMs} ms (last seen: ${lastSeen(value)})`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Polls a condition until it holds; the surrounding test's timeout bounds the wait. */
export function waitFor(condition: () => Promise<boolean>, pollMs = 100): Promise<true> {
  return until(condition, 'the condition', { timeoutMs: Infinity, everyMs: pollMs });
}

function lastSeen(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}
