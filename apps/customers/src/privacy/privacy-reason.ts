import { badUserInput } from '@polyplus/subgraph-kit';

export const MAX_REASON_LENGTH = 500;

/** Why staff act on personal data, as they typed it: trimmed, not blank, at most 500 characters. */
export function checkedReason(reason: string): string {
  const why = reason.trim();
  if (!why) throw badUserInput('reason must not be blank', 'reason');
  if (why.length > MAX_REASON_LENGTH) throw badUserInput(`reason must be at most ${MAX_REASON_LENGTH} characters`, 'reason');
  return why;
}
