import { describeUnassignedReason } from './unassigned-reason';

describe('unassigned visit reasons', () => {
  it('explains the scheduler’s codes in words and passes unknown ones through', () => {
    expect(describeUnassignedReason('PART_ETA_UNKNOWN')).toContain('back-ordered');
    expect(describeUnassignedReason('NO_SKILLED_TECHNICIAN')).toContain('skills');
    expect(describeUnassignedReason('SOMETHING_NEW')).toBe('SOMETHING_NEW');
    expect(describeUnassignedReason(null)).toBe('Waiting for the next planning run.');
  });
});
