import { siteWindows } from './site-windows';

// Wednesday 3 to Friday 5 June 2026; Corpus Christi (Thursday 4 June) is a public holiday in Bavaria, not in Berlin.
const from = Date.parse('2026-06-03T00:00:00Z');
const to = Date.parse('2026-06-06T00:00:00Z');
const days = (windows: { start: number }[]) => windows.map((window) => new Date(window.start).toISOString().slice(0, 10));

it('a visit window follows the site’s regional holidays: none in Bavaria on Corpus Christi, one in Berlin', () => {
  expect(days(siteWindows({ countryCode: 'DE', subdivision: 'BY', timeZone: 'Europe/Berlin' }, from, to))).toEqual([
    '2026-06-03',
    '2026-06-05',
  ]);
  expect(days(siteWindows({ countryCode: 'DE', subdivision: 'BE', timeZone: 'Europe/Berlin' }, from, to))).toEqual([
    '2026-06-03',
    '2026-06-04',
    '2026-06-05',
  ]);
});

it('a site whose subdivision the holiday data does not know still gets windows, on the country’s calendar', () => {
  expect(days(siteWindows({ countryCode: 'DE', subdivision: 'ZZ', timeZone: 'Europe/Berlin' }, from, to))).toEqual([
    '2026-06-03',
    '2026-06-04',
    '2026-06-05',
  ]);
});
