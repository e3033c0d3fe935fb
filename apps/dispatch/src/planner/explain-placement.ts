import { siteWindows, technicianShifts, type OnsiteVisit, type Technician, type TechnicianAbsence } from '@polyplus/dispatch-data';
import { localClock, localTime } from './local-time';
import { hoursOnDay } from './working-day-text';
import type { VisitPlacementExplanation } from './dto/visit-placement.type';

const DAY_MS = 86_400_000;
const SAME_MS = 60_000;

export type PlacementFacts = {
  visit: OnsiteVisit;
  technician: Technician;
  /** The stop before it on the technician's route that day, if any. */
  previous: OnsiteVisit | null;
  /** Technicians of the region holding the visit's skills. */
  skilledTechnicians: number;
  /** The technician's absences around the day: they shorten the shift. */
  absences?: TechnicianAbsence[];
};

/**
 * Explains a planned visit from the plan itself: who serves it and why they could, and which of
 * release time, business hours, shift, previous stop and pin bounded its start.
 */
export function explainPlacement({
  visit,
  technician,
  previous,
  skilledTechnicians,
  absences = [],
}: PlacementFacts): VisitPlacementExplanation {
  const start = (visit.windowStart as Date).getTime();
  const end = (visit.windowEnd as Date).getTime();
  const siteZone = visit.siteTimeZone ?? 'UTC';
  const techZone = technician.timeZone;
  const binding: string[] = [];
  const other: string[] = [];
  const add = (isBinding: boolean, text: string) => (isBinding ? binding.push(`${text} — binding`) : other.push(text));

  if (visit.pinned) add(true, 'Pin: a planner fixed this technician and start; re-plans keep it');
  if (visit.releaseAt) {
    add(
      Math.abs(start - visit.releaseAt.getTime()) <= SAME_MS,
      `Release time: the replacement part is expected ${localTime(visit.releaseAt, siteZone)} (${siteZone})`,
    );
  }
  if (visit.siteTimeZone && visit.siteCountryCode) {
    const window = siteWindows(
      { timeZone: visit.siteTimeZone, countryCode: visit.siteCountryCode, subdivision: visit.siteSubdivision },
      start - DAY_MS,
      end + DAY_MS,
    ).find((candidate) => candidate.start <= start && end <= candidate.end);
    if (window) {
      const atOpening = Math.abs(start - window.start) <= SAME_MS;
      const atClosing = Math.abs(end - window.end) <= SAME_MS;
      add(
        atOpening || atClosing,
        `Business hours: the site is open ${localClock(window.start, siteZone)}–${localClock(window.end, siteZone)} (${siteZone})${atClosing ? '; the visit ends at closing' : ''}`,
      );
    }
  }
  const shift = technicianShifts(technician, absences, start - DAY_MS, end + DAY_MS).find(
    (candidate) => candidate.start <= start && end <= candidate.end,
  );
  const travel = visit.travelMinutes ?? 0;
  const arrival = (visit.arrivalAt ?? visit.windowStart) as Date;
  if (shift) {
    const leavesAtShiftStart = !previous && Math.abs(arrival.getTime() - travel * 60_000 - shift.start) <= SAME_MS;
    // The day's hours, and what an absence left of them when it shortened the shift.
    const day = technicianShifts(technician, [], start - DAY_MS, end + DAY_MS).find(
      (candidate) => candidate.start <= start && end <= candidate.end,
    );
    const shortened =
      day && (day.start !== shift.start || day.end !== shift.end)
        ? `; an absence leaves ${localClock(shift.start, techZone)}–${localClock(shift.end, techZone)}`
        : '';
    add(leavesAtShiftStart, `Shift: ${technician.name} works ${hoursOnDay(technician, start)}${shortened}`);
  }
  if (previous?.windowEnd) {
    add(
      Math.abs(arrival.getTime() - start) <= SAME_MS,
      `Previous stop: ends ${localClock(previous.windowEnd, techZone)}, then ${travel} min travel`,
    );
  }

  const skills = visit.requiredSkills.length
    ? `holds ${visit.requiredSkills.join(', ')} (${skilledTechnicians} technician${skilledTechnicians === 1 ? '' : 's'} in ${visit.region} do)`
    : 'no special skill is needed';
  const from = previous ? 'the previous stop' : 'home';
  const summary = `${technician.name} serves it ${localTime(start, siteZone)}–${localClock(end, siteZone)} (${siteZone}): ${skills}; ${travel} min from ${from}${visit.pinned ? '; pinned by a planner' : ''}.`;
  return { summary, constraints: [...binding, ...other] };
}
