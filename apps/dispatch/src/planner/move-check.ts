import {
  dispatchTravelMs as travelMs,
  siteWindows,
  technicianShifts,
  type OnsiteVisit,
  type Technician,
  type TechnicianAbsence,
} from '@polyplus/dispatch-data';
import type { GeoPoint } from '@polyplus/routing';
import { localClock, localTime } from './local-time';
import { hoursOnDay } from './working-day-text';

const DAY_MS = 86_400_000;
const TOLERANCE_MS = 1_000;

export type MoveRequest = {
  visit: OnsiteVisit;
  technician: Technician;
  absences: TechnicianAbsence[];
  /** The technician's other planned stops around the day (without the visit being moved). */
  otherStops: OnsiteVisit[];
  start: Date;
};

export type MoveCheck = { feasible: true; arrivalAt: Date; travelMinutes: number } | { feasible: false; reason: string };

const refuse = (reason: string): MoveCheck => ({ feasible: false, reason });
const pointOf = (visit: OnsiteVisit): GeoPoint => ({ lat: visit.latitude as number, lon: visit.longitude as number });

/**
 * Whether a visit can be put on a technician at a start instant under the scheduler's hard
 * constraints: skills, the part's release time, the site's business hours, the technician's
 * shift and absences, maximum working time, and no overlap with their other stops including travel.
 * The first broken rule is the reason, in words a planner can act on.
 */
export function checkMove({ visit, technician, absences, otherStops, start }: MoveRequest): MoveCheck {
  const name = technician.name;
  const begin = start.getTime();
  const end = begin + visit.durationMinutes * 60_000;
  const siteZone = visit.siteTimeZone ?? 'UTC';
  const missing = visit.requiredSkills.filter((skill) => !technician.skills.includes(skill));
  if (missing.length > 0) return refuse(`${name} lacks the required skills: ${missing.join(', ')}`);
  if (visit.replacementOrderId && !visit.releaseAt) return refuse('The replacement part has no delivery date yet');
  if (visit.releaseAt && begin < visit.releaseAt.getTime()) {
    return refuse(`The replacement part is expected ${localTime(visit.releaseAt, siteZone)} (${siteZone}); the visit cannot start earlier`);
  }
  if (visit.latitude === null || visit.longitude === null || !visit.siteTimeZone || !visit.siteCountryCode) {
    return refuse('The site has no location or calendar to plan against');
  }
  const windows = siteWindows(
    { timeZone: visit.siteTimeZone, countryCode: visit.siteCountryCode, subdivision: visit.siteSubdivision },
    begin - DAY_MS,
    end + DAY_MS,
  );
  if (!windows.some((window) => window.start <= begin && end <= window.end)) {
    return refuse(`${localTime(begin, siteZone)}–${localClock(end, siteZone)} (${siteZone}) is outside the site’s business hours`);
  }
  const techZone = technician.timeZone;
  const contains = (window: { start: number; end: number }) => window.start <= begin && end <= window.end;
  const regular = technicianShifts(technician, [], begin - DAY_MS, end + DAY_MS).find(contains);
  if (!regular) {
    return refuse(
      `${localTime(begin, techZone)}–${localClock(end, techZone)} is outside ${name}’s working hours ${hoursOnDay(technician, begin)}`,
    );
  }
  // Absences take their hours out of the day, exactly as the scheduler sees the shift.
  const shift = technicianShifts(technician, absences, begin - DAY_MS, end + DAY_MS).find(contains);
  if (!shift) {
    const absence = absences.find((candidate) => candidate.startsAt.getTime() < regular.end && candidate.endsAt.getTime() > regular.start);
    const why = absence
      ? `absent (${absence.kind}) from ${localTime(absence.startsAt, techZone)} to ${localTime(absence.endsAt, techZone)}`
      : 'not working then';
    return refuse(`${name} is ${why} (${techZone})`);
  }

  const sameShift = otherStops
    .filter(
      (stop) => stop.windowStart && stop.windowEnd && stop.windowStart.getTime() < shift.end && stop.windowEnd.getTime() > shift.start,
    )
    .sort((a, b) => (a.windowStart as Date).getTime() - (b.windowStart as Date).getTime());
  const overlapping = sameShift.find((stop) => (stop.windowStart as Date).getTime() < end && begin < (stop.windowEnd as Date).getTime());
  if (overlapping) {
    return refuse(
      `${name} is already on another visit from ${localClock(overlapping.windowStart as Date, techZone)} to ${localClock(overlapping.windowEnd as Date, techZone)} (${techZone})`,
    );
  }
  const home: GeoPoint = { lat: technician.homeLatitude, lon: technician.homeLongitude };
  const site = pointOf(visit);
  const previous = [...sameShift].reverse().find((stop) => (stop.windowEnd as Date).getTime() <= begin);
  const next = sameShift.find((stop) => (stop.windowStart as Date).getTime() >= end);
  const inbound = travelMs(previous ? pointOf(previous) : home, site);
  const leaveAt = previous ? (previous.windowEnd as Date).getTime() : shift.start;
  if (leaveAt + inbound > begin + TOLERANCE_MS) {
    const from = previous
      ? `the previous visit ending ${localClock(previous.windowEnd as Date, techZone)}`
      : `home (shift starts ${localClock(shift.start, techZone)})`;
    return refuse(
      `${name} cannot be on site before ${localClock(leaveAt + inbound, techZone)} (${techZone}): ${Math.round(inbound / 60_000)} min travel from ${from}`,
    );
  }
  const outbound = travelMs(site, next ? pointOf(next) : home);
  if (next && end + outbound > (next.windowStart as Date).getTime() + TOLERANCE_MS) {
    return refuse(
      `${name} could not reach the next visit at ${localClock(next.windowStart as Date, techZone)} (${techZone}): ${Math.round(outbound / 60_000)} min travel after finishing at ${localClock(end, techZone)}`,
    );
  }
  if (!next && end + outbound > shift.end + TOLERANCE_MS) {
    return refuse(
      `${name} would be home after the end of the shift at ${localClock(shift.end, techZone)} (${techZone}): ${Math.round(outbound / 60_000)} min travel back`,
    );
  }
  const route = [...sameShift, visit].sort((a, b) => stopStart(a, visit, begin) - stopStart(b, visit, begin));
  let at = home;
  let workMs = 0;
  for (const stop of route) {
    workMs += travelMs(at, pointOf(stop)) + stop.durationMinutes * 60_000;
    at = pointOf(stop);
  }
  workMs += travelMs(at, home);
  if (workMs > technician.maxDailyWorkMinutes * 60_000 + TOLERANCE_MS) {
    return refuse(
      `${name} would work ${Math.round(workMs / 60_000)} min that day, more than the maximum of ${technician.maxDailyWorkMinutes} min`,
    );
  }
  // From home the technician leaves just in time; after a visit they may wait on site.
  const arrivalAt = previous ? Math.min(begin, leaveAt + inbound) : begin;
  return { feasible: true, arrivalAt: new Date(arrivalAt), travelMinutes: Math.round(inbound / 60_000) };
}

function stopStart(stop: OnsiteVisit, moved: OnsiteVisit, begin: number): number {
  return stop.id === moved.id ? begin : (stop.windowStart as Date).getTime();
}
