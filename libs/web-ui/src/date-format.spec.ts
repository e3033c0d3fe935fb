import { localDate, localDateTime, localTime, zoneCity } from './date-format';

describe('dates and times in the place’s time zone', () => {
  it('writes an instant as the site’s local date and 24-hour time, not the browser’s or UTC', () => {
    expect(localDateTime('2026-07-01T16:30:00Z', 'Europe/London')).toBe('2026-07-01 17:30');
    expect(localDateTime('2026-07-01T16:30:00Z', 'America/Chicago')).toBe('2026-07-01 11:30');
    expect(localTime('2026-01-15T23:05:00Z', 'Europe/Berlin')).toBe('00:05');
    expect(localDate('2026-01-15T23:05:00Z', 'Europe/Berlin')).toBe('2026-01-16');
  });

  it('keeps the wall clock right across a change of summer time', () => {
    expect(localDateTime('2026-03-29T00:30:00Z', 'Europe/London')).toBe('2026-03-29 00:30');
    expect(localDateTime('2026-03-29T01:30:00Z', 'Europe/London')).toBe('2026-03-29 02:30');
  });

  it('writes a dash for an instant that is not there or not readable', () => {
    expect(localDateTime(null, 'Europe/London')).toBe('—');
    expect(localDateTime('not a date', 'Europe/London')).toBe('—');
  });

  it('names a zone by its city', () => {
    expect(zoneCity('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
    expect(zoneCity('Europe/London')).toBe('London');
  });
});
