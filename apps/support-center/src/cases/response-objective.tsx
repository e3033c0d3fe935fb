import { LocalDateTime } from '@polyplus/web-ui';
import type { CaseSummary } from './case-documents';

const OPEN = new Set(['NEW']);

/** Business minutes as hours and minutes: 90 → "1 h 30 min". */
export function businessDuration(minutes: number): string {
  const whole = Math.abs(minutes);
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  return [hours ? `${hours} h` : '', rest || !hours ? `${rest} min` : ''].filter(Boolean).join(' ');
}

/** Whether the response objective was met, is still running, or was missed. */
export function responseState(item: Pick<CaseSummary, 'status' | 'responseObjectiveMet' | 'businessMinutesRemaining' | 'respondedAt'>): {
  label: string;
  tone: 'ok' | 'warn' | 'due';
} {
  if (item.responseObjectiveMet === true) return { label: 'Met', tone: 'ok' };
  if (item.responseObjectiveMet === false) return { label: 'Missed', tone: 'warn' };
  if (item.respondedAt || !OPEN.has(item.status)) return { label: 'Responded', tone: 'ok' };
  if (item.businessMinutesRemaining < 0)
    return { label: `Overdue by ${businessDuration(item.businessMinutesRemaining)} of business time`, tone: 'warn' };
  return { label: `Due in ${businessDuration(item.businessMinutesRemaining)} of business time`, tone: 'due' };
}

/** The response due time in the site's zone, and whether it is met. */
export function ResponseObjective({ item }: { item: CaseSummary }) {
  const state = responseState(item);
  return (
    <>
      <LocalDateTime iso={item.responseDueAt} zone={item.device.site.timeZone} />
      <span className={`sub ${state.tone}-text`}>{state.label}</span>
    </>
  );
}
