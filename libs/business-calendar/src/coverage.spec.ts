import { coverageAt, isAdvanceReplacementEligible } from './coverage';

const at = (date: string) => new Date(`${date}T12:00:00Z`);

describe('continuous coverage', () => {
  it('back-to-back periods are continuous', () => {
    const periods = [
      { start: '2023-01-01', end: '2023-12-31' },
      { start: '2024-01-01', end: '2024-12-31' },
    ];
    expect(coverageAt({ periods, at: at('2024-03-01') })).toEqual({
      covered: true,
      continuousSince: '2023-01-01',
      continuousDays: 426,
      continuousSinceFirstCoverage: true,
    });
  });

  it('overlapping periods are continuous, in any order', () => {
    const periods = [
      { start: '2023-06-01', end: '2024-06-01' },
      { start: '2023-01-01', end: '2023-12-31' },
    ];
    expect(coverageAt({ periods, at: at('2024-05-01') })).toMatchObject({ covered: true, continuousSince: '2023-01-01' });
  });

  it('a gap of one day breaks continuity', () => {
    const periods = [
      { start: '2023-01-01', end: '2023-12-30' },
      { start: '2024-01-01', end: '2024-12-31' },
    ];
    expect(coverageAt({ periods, at: at('2024-03-01') })).toEqual({
      covered: true,
      continuousSince: '2024-01-01',
      continuousDays: 61,
      continuousSinceFirstCoverage: false,
    });
  });

  it('a device outside every period is not covered', () => {
    expect(coverageAt({ periods: [{ start: '2023-01-01', end: '2023-12-31' }], at: at('2024-01-01') })).toEqual({
      covered: false,
      continuousDays: 0,
      continuousSinceFirstCoverage: false,
    });
  });

  it('reads the date of the instant in the given time zone', () => {
    const periods = [{ start: '2024-01-01', end: '2024-12-31' }];
    // 2023-12-31T20:00Z is already New Year's Day in Sydney.
    expect(coverageAt({ periods, at: new Date('2023-12-31T20:00:00Z'), timeZone: 'Australia/Sydney' }).covered).toBe(true);
    expect(coverageAt({ periods, at: new Date('2023-12-31T20:00:00Z') }).covered).toBe(false);
  });

  it('rejects a period that ends before it starts with INVALID_PERIOD', () => {
    expect(() => coverageAt({ periods: [{ start: '2024-02-01', end: '2024-01-01' }], at: at('2024-01-15') })).toThrow(
      expect.objectContaining({ code: 'INVALID_PERIOD' }),
    );
  });

  it('rejects an unknown time zone with UNKNOWN_TIME_ZONE', () => {
    expect(() => coverageAt({ periods: [], at: at('2024-01-15'), timeZone: 'Mars/Olympus' })).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_TIME_ZONE' }),
    );
  });
});

describe('advance replacement eligibility for personal devices', () => {
  const threeYears = [
    { start: '2021-06-01', end: '2022-05-31' },
    { start: '2022-06-01', end: '2025-05-31' },
  ];

  it('a personal device is eligible within 3 years of continuous coverage', () => {
    expect(isAdvanceReplacementEligible({ periods: threeYears, at: at('2024-05-31'), personalDevice: true })).toBe(true);
  });

  it('a personal device is not eligible after 3 years of continuous coverage', () => {
    expect(isAdvanceReplacementEligible({ periods: threeYears, at: at('2024-06-01'), personalDevice: true })).toBe(false);
  });

  it('a personal device whose coverage had a gap is not eligible', () => {
    const gap = [
      { start: '2023-01-01', end: '2023-06-29' },
      { start: '2023-07-01', end: '2024-12-31' },
    ];
    expect(isAdvanceReplacementEligible({ periods: gap, at: at('2024-01-10'), personalDevice: true })).toBe(false);
    expect(isAdvanceReplacementEligible({ periods: gap, at: at('2024-01-10'), personalDevice: false })).toBe(true);
  });

  it('an uncovered device is never eligible', () => {
    expect(isAdvanceReplacementEligible({ periods: threeYears, at: at('2025-06-01'), personalDevice: false })).toBe(false);
  });
});
