import { performance } from 'node:perf_hooks';

/** What one request got: data, a GraphQL error code, or no answer at all (connection refused/reset). */
export type Answer = { ok: boolean; httpStatus?: number; code?: string; message?: string };

export type Outcome = Answer & { startedAt: number; endedAt: number };

export type RequestStream = { outcomes: Outcome[]; stop(): Promise<Outcome[]> };

/** A monotonic clock shared by the stream and the test's own marks ("killed at", "back at"). */
export const mark = () => performance.now();

/**
 * `concurrency` loops sending requests back to back (a steady load), each outcome stamped with
 * when it started and ended, so a test can tell what happened before, during and after an outage.
 */
export function startRequestStream(send: () => Promise<Answer>, concurrency: number, pauseMs = 5): RequestStream {
  const outcomes: Outcome[] = [];
  let running = true;
  const loops = Array.from({ length: concurrency }, async () => {
    while (running) {
      const startedAt = mark();
      const answer = await send().catch((error: Error) => ({ ok: false, message: `no answer: ${error.message}` }));
      outcomes.push({ ...answer, startedAt, endedAt: mark() });
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  });
  return {
    outcomes,
    async stop() {
      running = false;
      await Promise.all(loops);
      return outcomes;
    },
  };
}
