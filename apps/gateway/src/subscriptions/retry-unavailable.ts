import type { EntityReader } from './subscriber';

/** Waits between attempts of a delivery read that found a subgraph unavailable. */
export const UNAVAILABLE_RETRY_DELAYS_MS = [200, 1_000, 3_000] as const;

/**
 * A read that retries while the supergraph answers SERVICE_UNAVAILABLE (a subgraph replica died
 * mid-request or is being replaced): a re-read is a query, safe to repeat, and the next attempt
 * reaches a live replica, so a subscriber does not lose an update to a rolling restart.
 */
export function retryUnavailable(read: EntityReader, delaysMs: readonly number[] = UNAVAILABLE_RETRY_DELAYS_MS): EntityReader {
  return async (plan, entityId, principal) => {
    for (let attempt = 0; ; attempt++) {
      const answer = await read(plan, entityId, principal);
      const unavailable = answer.errors?.some((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE');
      if (!unavailable || attempt >= delaysMs.length) return answer;
      await new Promise((resolve) => setTimeout(resolve, delaysMs[attempt]));
    }
  };
}
