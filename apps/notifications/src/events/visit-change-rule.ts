import type { VisitNoticeKind, VisitWindow } from '../notice/notice-builders';

/** The visit as customers last heard of it. */
export type ToldVisit = { windowStart: Date | null; status: string } | null;

/** A re-plan that shifts the arrival by less than this is not worth a mail. */
export const VISIT_MOVE_THRESHOLD_MS = 30 * 60_000;

const PLANNED = new Set(['PLANNED', 'SCHEDULED', 'CONFIRMED', 'DISPATCHED']);

/**
 * What a `visit.changed` event means to the customer: a first planned window is "scheduled", a
 * window that moved by 30 minutes or more is "moved", a cancellation of a visit they were told of
 * is "cancelled"; re-plans that keep the time, pins and unplanned states are not news.
 */
export function visitNoticeKind(visit: VisitWindow & { status: string; change: string }, told: ToldVisit): VisitNoticeKind | null {
  if (visit.status === 'CANCELLED' || visit.change === 'CANCELLED')
    return told?.windowStart && told.status !== 'CANCELLED' ? 'VISIT_CANCELLED' : null;
  if (!visit.windowStart || !PLANNED.has(visit.status)) return null;
  if (!told?.windowStart || told.status === 'CANCELLED') return 'VISIT_SCHEDULED';
  return Math.abs(new Date(visit.windowStart).getTime() - told.windowStart.getTime()) >= VISIT_MOVE_THRESHOLD_MS ? 'VISIT_MOVED' : null;
}
