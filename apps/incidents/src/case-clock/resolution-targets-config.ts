import { CalendarError, DEFAULT_RESOLUTION_TARGET_MINUTES, resolutionTargets, type ResolutionTargets, type Severity } from '@polyplus/business-calendar';

/**
 * Reads `INCIDENTS_RESOLUTION_TARGET_MINUTES`, business minutes per severity to override, e.g.
 * `{"1":180}` or `{"1":240,"2":570,"3":1710}`; unset → the business-calendar defaults
 * (S1 240, S2 570, S3 1,710). Each a positive whole number and S1 ≤ S2 ≤ S3, else the service
 * stops at start-up naming the variable.
 */
export function resolutionTargetsFromEnv(env: NodeJS.ProcessEnv = process.env): ResolutionTargets {
  const raw = env.INCIDENTS_RESOLUTION_TARGET_MINUTES;
  if (!raw) return DEFAULT_RESOLUTION_TARGET_MINUTES;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error(`INCIDENTS_RESOLUTION_TARGET_MINUTES is not JSON: ${raw}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('INCIDENTS_RESOLUTION_TARGET_MINUTES must be an object of severity → minutes');
  const overrides: Partial<Record<Severity, number>> = {};
  for (const [key, minutes] of Object.entries(parsed as Record<string, unknown>)) {
    if (!['1', '2', '3'].includes(key)) throw new Error(`INCIDENTS_RESOLUTION_TARGET_MINUTES names severity ${key}; severities are 1, 2 and 3`);
    overrides[Number(key) as Severity] = minutes as number;
  }
  try {
    return resolutionTargets(overrides);
  } catch (error) {
    if (error instanceof CalendarError) throw new Error(`INCIDENTS_RESOLUTION_TARGET_MINUTES: ${error.message}`);
    throw error;
  }
}
