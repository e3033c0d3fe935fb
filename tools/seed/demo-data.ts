/** A small, realistic demo: customers with sites in several countries and time zones. */
export const DEMO_CUSTOMERS = [
  {
    name: 'Northwind Trading',
    sites: [
      {
        name: 'London HQ',
        addressLine: '20 Fenchurch Street',
        city: 'London',
        postalCode: 'EC3M 3BY',
        countryCode: 'GB',
        subdivision: 'ENG',
        timeZone: 'Europe/London',
        latitude: 51.5113,
        longitude: -0.0835,
      },
      {
        name: 'Manchester Office',
        addressLine: '1 Spinningfields',
        city: 'Manchester',
        postalCode: 'M3 3JE',
        countryCode: 'GB',
        subdivision: 'ENG',
        timeZone: 'Europe/London',
        latitude: 53.4794,
        longitude: -2.253,
      },
    ],
    contract: {
      reference: 'PP-NW-2025',
      startsOn: '2025-01-01',
      endsOn: '2027-12-31',
      options: ['ONSITE'],
      premiumFeatures: ['REMOTE_MANAGEMENT', 'ADVANCED_ANALYTICS', 'FIRMWARE_SCHEDULING'],
    },
    contacts: [
      { name: 'Olivia Brown', email: 'olivia.brown@northwind.example', role: 'ADMIN', designated: false },
      { name: 'Sam Okafor', email: 'sam.okafor@northwind.example', role: 'TECHNICIAN', designated: true },
    ],
  },
  {
    name: 'Contoso GmbH',
    sites: [
      {
        name: 'Berlin Campus',
        addressLine: 'Friedrichstraße 68',
        city: 'Berlin',
        postalCode: '10117',
        countryCode: 'DE',
        subdivision: 'BE',
        timeZone: 'Europe/Berlin',
        latitude: 52.5105,
        longitude: 13.3896,
      },
    ],
    contract: { reference: 'PP-CO-2026', startsOn: '2026-01-01', endsOn: '2026-12-31', options: [], premiumFeatures: [] },
    contacts: [{ name: 'Lena Fischer', email: 'lena.fischer@contoso.example', role: 'TECHNICIAN', designated: true }],
  },
  {
    name: 'Fabrikam Inc.',
    sites: [
      {
        name: 'Austin Studio',
        addressLine: '500 W 2nd St',
        city: 'Austin',
        postalCode: '78701',
        countryCode: 'US',
        subdivision: 'TX',
        timeZone: 'America/Chicago',
        latitude: 30.2655,
        longitude: -97.7493,
      },
      {
        name: 'Denver Hub',
        addressLine: '1801 California St',
        city: 'Denver',
        postalCode: '80202',
        countryCode: 'US',
        subdivision: 'CO',
        timeZone: 'America/Denver',
        latitude: 39.7482,
        longitude: -104.9897,
      },
    ],
    contract: {
      reference: 'PP-FA-2024',
      startsOn: '2024-07-01',
      endsOn: '2027-06-30',
      options: ['ONSITE'],
      premiumFeatures: ['REMOTE_MANAGEMENT', 'PROVISIONING_TEMPLATES', 'PROACTIVE_ALERTS'],
    },
    contacts: [
      { name: 'Dana Whitfield', email: 'dana.whitfield@fabrikam.example', role: 'ADMIN', designated: true },
      { name: 'Luis Romero', email: 'luis.romero@fabrikam.example', role: 'TECHNICIAN', designated: true },
    ],
  },
];

/** Models of the catalog the devices subgraph starts with (its migration loads them). */
export const DEMO_PRODUCTS = ['Studio X50', 'G7500', 'CCX 600', 'Voyager Focus 2', 'Sync 60'];

/** Generally available software per model: the demo shows latest, latest minus one and devices behind. */
export const DEMO_RELEASES: Record<string, { version: string; releasedOn: string }[]> = {
  'Studio X50': [
    { version: '4.1.0', releasedOn: '2025-04-02' },
    { version: '4.2.0', releasedOn: '2025-10-14' },
    { version: '4.3.0', releasedOn: '2026-05-20' },
  ],
  G7500: [
    { version: '4.1.0', releasedOn: '2025-04-02' },
    { version: '4.2.0', releasedOn: '2025-10-14' },
    { version: '4.3.0', releasedOn: '2026-05-20' },
  ],
  'CCX 600': [
    { version: '8.1.3', releasedOn: '2025-02-11' },
    { version: '8.2.0', releasedOn: '2026-01-19' },
  ],
  'Voyager Focus 2': [
    { version: '2.61', releasedOn: '2025-06-30' },
    { version: '2.72', releasedOn: '2026-03-03' },
  ],
  'Sync 60': [{ version: '1.4.0', releasedOn: '2025-09-09' }],
};

/** Where onsite support is offered, per product type (the rule table, not code, decides). */
export const DEMO_ONSITE_RULES = [
  { countryCode: 'GB', productType: 'ROOM', available: true },
  { countryCode: 'GB', productType: 'PHONE', available: true },
  { countryCode: 'US', productType: 'ROOM', available: true },
  { countryCode: 'US', subdivision: 'AK', productType: 'ROOM', available: false },
  { countryCode: 'DE', productType: 'ROOM', available: true },
];

export const DEMO_DISCOUNTS = [
  { serviceCode: 'PS-ROOM-DESIGN', serviceName: 'Meeting room design workshop', percentOff: 15, validFrom: '2025-01-01' },
  { serviceCode: 'PS-DEPLOYMENT', serviceName: 'Deployment and configuration services', percentOff: 10, validFrom: '2025-01-01' },
];

// Room systems need a ROOM-certified technician (dispatch's product profile); the other regions' only
// technicians hold it, so their customers' room-system replacements get a visit planned.
export const DEMO_TECHNICIANS = [
  { name: 'Amira Patel', region: 'UK-SOUTH', homeLatitude: 51.4545, homeLongitude: -0.9781, timeZone: 'Europe/London' },
  { name: 'Tom Hughes', region: 'UK-SOUTH', homeLatitude: 51.3758, homeLongitude: -0.0982, timeZone: 'Europe/London' },
  { name: 'Grace Lee', skills: ['ROOM'], region: 'UK-NORTH', homeLatitude: 53.8008, homeLongitude: -1.5491, timeZone: 'Europe/London' },
  { name: 'Jonas Weber', skills: ['ROOM'], region: 'DE-EAST', homeLatitude: 52.3906, homeLongitude: 13.0645, timeZone: 'Europe/Berlin' },
  {
    name: 'Maria Garcia',
    skills: ['ROOM'],
    region: 'US-CENTRAL',
    homeLatitude: 30.5083,
    homeLongitude: -97.6789,
    timeZone: 'America/Chicago',
  },
  {
    name: 'Ben Carter',
    skills: ['ROOM'],
    region: 'US-MOUNTAIN',
    homeLatitude: 39.6133,
    homeLongitude: -105.0166,
    timeZone: 'America/Denver',
  },
];

export const DEMO_PROBLEMS = [
  { severity: 1, summary: 'Room system reboots in a loop; boardroom unusable' },
  { severity: 2, summary: 'Camera feed freezes after ten minutes in calls' },
  { severity: 3, summary: 'Typo on the on-screen setup menu' },
];
