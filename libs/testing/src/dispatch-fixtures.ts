import { randomUUID } from 'node:crypto';

// Plain column values, so that this shared lib needs no dispatch entity: the dispatch and scheduler tests
// save them through their own repositories and add what their cases are about (status, skills, hours).

/** A technician living in south London, working at most 10 hours a day. */
export function londonTechnician(region: string) {
  return {
    id: randomUUID(),
    name: 'Tech',
    region,
    homeLatitude: 51.45,
    homeLongitude: -0.1,
    timeZone: 'Europe/London',
    maxDailyWorkMinutes: 600,
  };
}

/** A two-hour onsite visit at a site in central London (English holidays), on no technician and in no window yet. */
export function unplacedLondonVisit(region: string) {
  return {
    id: randomUUID(),
    incidentId: randomUUID(),
    siteId: randomUUID(),
    region,
    technicianId: null,
    windowStart: null,
    windowEnd: null,
    latitude: 51.5,
    longitude: -0.12,
    siteTimeZone: 'Europe/London',
    siteCountryCode: 'GB',
    siteSubdivision: 'ENG',
    durationMinutes: 120,
  };
}
