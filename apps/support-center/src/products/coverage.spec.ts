import { advanceReplacementText, coverageText, optionsText } from './coverage';

const covered = {
  covered: true,
  contractId: 'k1',
  options: ['ONSITE'],
  purchasedOptions: ['ONSITE'],
  personalDevice: false,
  advanceReplacementAllowed: true,
  continuousCoverageSince: '2025-01-01',
  coveredUntil: '2027-12-31',
};

describe('coverage in words', () => {
  it('says until when a device is covered and under which contract', () => {
    expect(coverageText(covered, () => 'PP-NW-2025')).toBe('Covered until 2027-12-31 (PP-NW-2025)');
    expect(coverageText({ ...covered, covered: false, contractId: null, coveredUntil: null }, () => undefined)).toBe('Not covered');
  });

  it('separates options in effect from options bought that the site cannot get', () => {
    expect(optionsText(covered)).toBe('Onsite support');
    expect(optionsText({ ...covered, options: [] })).toBe('Onsite support bought, not available for this product at this site');
    expect(optionsText({ ...covered, options: [], purchasedOptions: [] })).toBe('None');
  });

  it('explains why a personal device gets no advance replacement after three years', () => {
    expect(advanceReplacementText(covered)).toBe('Allowed, next business day');
    expect(advanceReplacementText({ ...covered, personalDevice: true, advanceReplacementAllowed: false })).toContain(
      '3 years of continuous cover',
    );
    expect(advanceReplacementText({ ...covered, covered: false, advanceReplacementAllowed: false })).toBe('Not allowed: not covered');
  });
});
