/** How far a carrier's clock may run ahead of ours before an event counts as dated in the future. */
export const TRACKING_CLOCK_SKEW_MS = 5 * 60_000;

/** What is known about a shipment before a new tracking event: each instant the event may not precede. */
export type TrackingTimeline = {
  /** When the replacement order was received. */
  orderedAt: Date;
  /** When the depot handed the part to the carrier. */
  shippedAt: Date;
  /** The latest tracking event already recorded (the hand-over included). */
  lastEventAt: Date;
};

/**
 * Why an event dated `at` contradicts the shipment's history or the clock, or null when it is
 * plausible: not in the future beyond the clock skew, not before the order, the hand-over to the
 * carrier or the last recorded event (events arrive in the order they happened).
 */
export function implausibleTrackingTime(at: Date, now: Date, timeline?: TrackingTimeline): string | null {
  const when = at.toISOString();
  if (at.getTime() > now.getTime() + TRACKING_CLOCK_SKEW_MS) {
    return `at ${when} is in the future: a tracking event is reported after it happened (${TRACKING_CLOCK_SKEW_MS / 60_000} minutes of clock skew allowed)`;
  }
  if (!timeline) return null;
  if (at < timeline.orderedAt) return `at ${when} is before the replacement order was received (${timeline.orderedAt.toISOString()})`;
  if (at < timeline.shippedAt) return `at ${when} is before the shipment was handed to the carrier (${timeline.shippedAt.toISOString()})`;
  if (at < timeline.lastEventAt)
    return `at ${when} is before the last tracking event of this shipment (${timeline.lastEventAt.toISOString()})`;
  return null;
}
