import { badUserInput } from '@polyplus/subgraph-kit';
import type { WorkingDayHours } from '@polyplus/dispatch-data';

export const CLOCK_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * A week as stored, Monday first, or BAD_USER_INPUT naming the first wrong field
 * (`workingHours[2].to`): a weekday outside 1–7 or given twice, a clock that is not HH:mm, or a
 * day that does not end after it starts (a shift lies within one local day). An empty week is a
 * technician who currently works no day.
 */
export function parseWorkingWeek(days: readonly WorkingDayHours[], field = 'workingHours'): WorkingDayHours[] {
  const seen = new Set<number>();
  days.forEach((day, index) => {
    const at = `${field}[${index}]`;
    if (!Number.isInteger(day.weekday) || day.weekday < 1 || day.weekday > 7)
      throw badUserInput(`${at}.weekday must be 1 (Monday) to 7 (Sunday), not ${day.weekday}`, `${at}.weekday`);
    if (seen.has(day.weekday)) throw badUserInput(`${at}.weekday ${day.weekday} is given twice: one interval per weekday`, `${at}.weekday`);
    seen.add(day.weekday);
    for (const key of ['from', 'to'] as const) {
      if (!CLOCK_PATTERN.test(day[key]))
        throw badUserInput(`${at}.${key} must be a local time HH:mm (00:00–23:59), not "${day[key]}"`, `${at}.${key}`);
    }
    if (day.to <= day.from) throw badUserInput(`${at}.to (${day.to}) must be after from (${day.from})`, `${at}.to`);
  });
  return [...days].sort((a, b) => a.weekday - b.weekday).map(({ weekday, from, to }) => ({ weekday, from, to }));
}
