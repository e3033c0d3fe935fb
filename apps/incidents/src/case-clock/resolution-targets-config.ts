import { caseGroup, readEntry } from '@polyplus/config';
import {
  CalendarError,
  DEFAULT_RESOLUTION_TARGET_MINUTES,
  resolutionTargets,
  type ResolutionTargets,
  type Severity,
} from '@polyplus/business-calendar';

/**
 * `INCIDENTS_RESOLUTION_TARGET_MINUTES` of the incidents schema, business minutes per severity to
 * override, e.g. `{"1":180}` or `{"1":240,"2":570,"3":1710}`; unset → the business-calendar
 * defaults (S1 240, S2 570, S3 1,710). Each a positive whole number and S1 ≤ S2 ≤ S3 (the
 * calendar's rule), else the service stops at start-up naming the variable.
 */
export function resolutionTargetsFromEnv(env: NodeJS.ProcessEnv = process.env): ResolutionTargets {
  const given = readEntry('INCIDENTS_RESOLUTION_TARGET_MINUTES', caseGroup.INCIDENTS_RESOLUTION_TARGET_MINUTES, env);
  if (!given) return DEFAULT_RESOLUTION_TARGET_MINUTES;
  const overrides: Partial<Record<Severity, number>> = {};
  for (const [key, minutes] of Object.entries(given)) overrides[Number(key) as Severity] = minutes as number;
  try {
    return resolutionTargets(overrides);
  } catch (error) {
    if (error instanceof CalendarError) throw new Error(`INCIDENTS_RESOLUTION_TARGET_MINUTES: ${error.message}`);
    throw error;
  }
}
