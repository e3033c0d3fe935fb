/** Who the gateway's development sign-in to the queue dashboard signs in as. */
export type QueueDashboardDemo = 'engineer' | 'planner';

/**
 * The queue dashboard's address as `npm start` prints it: signed in with one click as a demo
 * identity (the gateway issues development sessions only outside production).
 */
export function queueDashboardSignInUrl(gatewayUrl: string, as: QueueDashboardDemo = 'engineer'): string {
  const url = new URL('/queues/sign-in', gatewayUrl);
  url.searchParams.set('as', as);
  return url.toString();
}
