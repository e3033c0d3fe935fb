/** A small, realistic demo: customers with sites in several countries and time zones. */
export const DEMO_CUSTOMERS = [
  {
    name: 'Northwind Trading',
    sites: [
      { name: 'London HQ', countryCode: 'GB', timeZone: 'Europe/London', region: 'UK-SOUTH' },
      { name: 'Manchester Office', countryCode: 'GB', timeZone: 'Europe/London', region: 'UK-NORTH' },
    ],
  },
  {
    name: 'Contoso GmbH',
    sites: [{ name: 'Berlin Campus', countryCode: 'DE', timeZone: 'Europe/Berlin', region: 'DE-EAST' }],
  },
  {
    name: 'Fabrikam Inc.',
    sites: [
      { name: 'Austin Studio', countryCode: 'US', timeZone: 'America/Chicago', region: 'US-CENTRAL' },
      { name: 'Denver Hub', countryCode: 'US', timeZone: 'America/Denver', region: 'US-MOUNTAIN' },
    ],
  },
];

export const DEMO_PRODUCTS = ['Studio X50', 'G7500', 'CCX 600', 'Voyager Focus 2', 'Sync 60'];

export const DEMO_TECHNICIANS = [
  { name: 'Amira Patel', region: 'UK-SOUTH' },
  { name: 'Tom Hughes', region: 'UK-SOUTH' },
  { name: 'Grace Lee', region: 'UK-NORTH' },
  { name: 'Jonas Weber', region: 'DE-EAST' },
  { name: 'Maria Garcia', region: 'US-CENTRAL' },
  { name: 'Ben Carter', region: 'US-MOUNTAIN' },
];

export const DEMO_PROBLEMS = [
  { severity: 1, summary: 'Room system reboots in a loop; boardroom unusable' },
  { severity: 2, summary: 'Camera feed freezes after ten minutes in calls' },
  { severity: 3, summary: 'Typo on the on-screen setup menu' },
];
