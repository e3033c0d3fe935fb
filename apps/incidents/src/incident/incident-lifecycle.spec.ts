import { IncidentStatus } from './incident-status';
import { assertTransition, canTransition, hasReached } from './incident-lifecycle';

const { NEW, RESPONDED, IN_PROGRESS, WORKAROUND_PROVIDED, RESOLVED, CLOSED } = IncidentStatus;

describe('incident lifecycle', () => {
  it('follows NEW → RESPONDED → IN_PROGRESS → WORKAROUND_PROVIDED → RESOLVED → CLOSED', () => {
    const path = [NEW, RESPONDED, IN_PROGRESS, WORKAROUND_PROVIDED, RESOLVED, CLOSED];
    for (let i = 1; i < path.length; i++) expect(canTransition(path[i - 1], path[i])).toBe(true);
  });

  it('an illegal transition is refused with CONFLICT', () => {
    expect(() => assertTransition(NEW, RESOLVED)).toThrow(expect.objectContaining({ extensions: { code: 'CONFLICT' } }));
    expect(() => assertTransition(CLOSED, IN_PROGRESS)).toThrow(expect.objectContaining({ extensions: { code: 'CONFLICT' } }));
  });

  it('a case past its response has reached RESPONDED but not RESOLVED', () => {
    expect(hasReached(IN_PROGRESS, RESPONDED)).toBe(true);
    expect(hasReached(IN_PROGRESS, RESOLVED)).toBe(false);
    expect(hasReached(NEW, RESPONDED)).toBe(false);
  });
});
