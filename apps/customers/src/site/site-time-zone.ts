import { getCountry, getTimezone } from 'countries-and-timezones';
import { badUserInput } from '@polyplus/subgraph-kit';

/**
 * A site's time zone must be one the IANA zone table lists for the site's country (zone → countries,
 * as shipped by `countries-and-timezones`): `Europe/Zurich` is a zone of CH, DE and LI, and
 * `Europe/Berlin` of DE but not of GB. Zones of no country (`Etc/UTC`, `UTC`, `GMT`, `EST5EDT`...)
 * are refused: a site is somewhere, and its business hours and holidays are that place's.
 */
export function assertTimeZoneOfCountry(timeZone: string, countryCode: string): void {
  const country = getCountry(countryCode);
  if (!country) throw badUserInput(`countryCode ${countryCode} is not an ISO 3166-1 country`, 'countryCode');
  const zone = getTimezone(timeZone);
  if (zone && zone.countries.length === 0) {
    throw badUserInput(
      `timeZone ${timeZone} is not the time zone of a place; give the zone of the site's location, e.g. ${country.timezones[0]}`,
      'timeZone',
    );
  }
  if (!zone?.countries.includes(country.id)) {
    const some = country.timezones.slice(0, 8).join(', ') + (country.timezones.length > 8 ? ', …' : '');
    throw badUserInput(`timeZone ${timeZone} is not a time zone of ${country.name} (${country.id}): use one of ${some}`, 'timeZone');
  }
}
