import { readFileSync } from 'node:fs';
import { SUPERGRAPH_PATH } from '../gateway';
import { checkDateTimeISO, customInputScalars, GATEWAY_SCALAR_CHECKS } from './custom-scalars';

describe('custom scalars at the gateway', () => {
  it('every custom scalar a client can send through the supergraph has a gateway check', () => {
    const scalars = customInputScalars(readFileSync(SUPERGRAPH_PATH, 'utf8'));
    expect(scalars).toContain('DateTimeISO');
    expect(scalars.filter((name) => !GATEWAY_SCALAR_CHECKS[name])).toEqual([]);
  });

  it.each([
    '2026-03-02T10:00:00Z',
    '2026-03-02T10:00:00.123Z',
    '2026-03-02T10:00:00+01:00',
    '2028-02-29T23:59:59-05:30',
    '1970-01-01T00:00:00Z',
    '2999-12-31T23:59:59Z',
  ])('a real instant in 1970–2999 passes: %s', (value) => {
    expect(checkDateTimeISO(value)).toBeNull();
  });

  it.each([
    ['30 February', '2026-02-30T10:00:00Z', /no real day: February 2026 has 28 days/],
    ['29 February of a common year', '2027-02-29T10:00:00Z', /February 2027 has 28 days/],
    ['31 April', '2026-04-31T10:00:00Z', /April 2026 has 30 days/],
    ['month 13', '2026-13-01T00:00:00Z', /no month 13/],
    ['month 0', '2026-00-10T00:00:00Z', /no month 0/],
    ['day 0', '2026-01-00T00:00:00Z', /no real day/],
    ['year 0000', '0000-01-01T00:00:00Z', /outside the years 1970–2999/],
    ['year 3000', '3000-01-01T00:00:00Z', /outside the years/],
    ['before 1970 in UTC', '1970-01-01T00:30:00+01:00', /outside the years/],
    ['hour 24', '2026-03-02T24:00:00Z', /no real time of day/],
    ['a leap second', '2026-03-02T23:59:60Z', /no real time of day/],
    ['an offset of 25 hours', '2026-03-02T10:00:00+25:00', /no real UTC offset/],
    ['a date without a time', '2026-03-02', /must be a date-time/],
    ['no time zone', '2026-03-02T10:00:00', /must be a date-time/],
    ['spaces around it', ' 2026-03-02T10:00:00Z', /must be a date-time/],
    ['a number', 1767225600000, /must be a date-time .*not 1767225600000/],
    ['a boolean', true, /must be a date-time/],
    ['an object', { $date: '2026-03-02T10:00:00Z' }, /must be a date-time/],
    ['a list', ['2026-03-02T10:00:00Z'], /must be a date-time/],
  ])('an impossible or malformed instant is refused: %s', (_what, value, reason) => {
    expect(checkDateTimeISO(value)).toMatch(reason);
  });
});
