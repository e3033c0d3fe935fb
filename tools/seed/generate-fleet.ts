// A realistic, deterministic fleet for benchmarks: the same seed always gives the same customers,
// sites, contacts, contracts and devices. Pure data; load-fleet.ts loads it through the gateway.

export type FleetOptions = { seed: number; customers?: number; devices?: number; today?: string };

export type FleetSite = {
  key: string;
  name: string;
  addressLine: string;
  city: string;
  postalCode: string;
  countryCode: string;
  subdivision: string;
  timeZone: string;
  latitude: number;
  longitude: number;
};
export type FleetDevice = { serialNumber: string; productModel: string; siteKey: string };
export type FleetContract = { reference: string; startsOn: string; endsOn: string; options: string[] };
export type FleetContact = { name: string; email: string; role: 'ADMIN' | 'TECHNICIAN'; designated: boolean };
export type FleetCustomer = {
  name: string;
  sites: FleetSite[];
  contacts: FleetContact[];
  contracts: FleetContract[];
  devices: FleetDevice[];
};
export type Fleet = { seed: number; customers: FleetCustomer[] };

const CITIES = [
  {
    city: 'London',
    countryCode: 'GB',
    subdivision: 'ENG',
    timeZone: 'Europe/London',
    latitude: 51.507,
    longitude: -0.128,
    postal: () => 'EC1A 1BB',
  },
  {
    city: 'Edinburgh',
    countryCode: 'GB',
    subdivision: 'SCT',
    timeZone: 'Europe/London',
    latitude: 55.953,
    longitude: -3.189,
    postal: () => 'EH1 1YZ',
  },
  {
    city: 'Berlin',
    countryCode: 'DE',
    subdivision: 'BE',
    timeZone: 'Europe/Berlin',
    latitude: 52.52,
    longitude: 13.405,
    postal: () => '10115',
  },
  {
    city: 'Munich',
    countryCode: 'DE',
    subdivision: 'BY',
    timeZone: 'Europe/Berlin',
    latitude: 48.137,
    longitude: 11.575,
    postal: () => '80331',
  },
  {
    city: 'Paris',
    countryCode: 'FR',
    subdivision: 'IDF',
    timeZone: 'Europe/Paris',
    latitude: 48.857,
    longitude: 2.352,
    postal: () => '75001',
  },
  {
    city: 'Zurich',
    countryCode: 'CH',
    subdivision: 'ZH',
    timeZone: 'Europe/Zurich',
    latitude: 47.377,
    longitude: 8.541,
    postal: () => '8001',
  },
  {
    city: 'New York',
    countryCode: 'US',
    subdivision: 'NY',
    timeZone: 'America/New_York',
    latitude: 40.713,
    longitude: -74.006,
    postal: () => '10007',
  },
  {
    city: 'Austin',
    countryCode: 'US',
    subdivision: 'TX',
    timeZone: 'America/Chicago',
    latitude: 30.267,
    longitude: -97.743,
    postal: () => '78701',
  },
  {
    city: 'Denver',
    countryCode: 'US',
    subdivision: 'CO',
    timeZone: 'America/Denver',
    latitude: 39.739,
    longitude: -104.99,
    postal: () => '80202',
  },
  {
    city: 'San Jose',
    countryCode: 'US',
    subdivision: 'CA',
    timeZone: 'America/Los_Angeles',
    latitude: 37.338,
    longitude: -121.886,
    postal: () => '95113',
  },
  {
    city: 'Toronto',
    countryCode: 'CA',
    subdivision: 'ON',
    timeZone: 'America/Toronto',
    latitude: 43.653,
    longitude: -79.383,
    postal: () => 'M5H 2N2',
  },
  {
    city: 'Sydney',
    countryCode: 'AU',
    subdivision: 'NSW',
    timeZone: 'Australia/Sydney',
    latitude: -33.869,
    longitude: 151.209,
    postal: () => '2000',
  },
  {
    city: 'Singapore',
    countryCode: 'SG',
    subdivision: '01',
    timeZone: 'Asia/Singapore',
    latitude: 1.29,
    longitude: 103.852,
    postal: () => '048619',
  },
  {
    city: 'Tokyo',
    countryCode: 'JP',
    subdivision: '13',
    timeZone: 'Asia/Tokyo',
    latitude: 35.676,
    longitude: 139.65,
    postal: () => '100-0005',
  },
];

// Catalog models (the devices subgraph's initial catalog) weighted by how common they are.
const MODELS: [string, number][] = [
  ['Voyager Focus 2', 30],
  ['CCX 600', 25],
  ['Sync 60', 12],
  ['Studio P15', 8],
  ['Studio X30', 8],
  ['Studio X50', 8],
  ['Trio C60', 6],
  ['G7500', 3],
];

const NAME_PARTS = [
  [
    'Northwind',
    'Contoso',
    'Fabrikam',
    'Tailspin',
    'Litware',
    'Adatum',
    'Proseware',
    'Woodgrove',
    'Wingtip',
    'Lucerne',
    'Alpine',
    'Coho',
    'Fourth Coffee',
    'Trey',
    'Margie',
  ],
  ['Trading', 'Holdings', 'Logistics', 'Health', 'Bank', 'Energy', 'Media', 'Labs', 'Foods', 'Partners', 'Insurance', 'Motors'],
];
const FIRST = ['Ava', 'Noah', 'Mia', 'Liam', 'Zoe', 'Omar', 'Yuki', 'Lena', 'Raj', 'Ines', 'Tom', 'Sara', 'Ken', 'Nia', 'Luca'];
const LAST = ['Patel', 'Smith', 'Müller', 'Garcia', 'Tanaka', 'Okafor', 'Rossi', 'Nguyen', 'Dubois', 'Kowalski', 'Brown', 'Silva'];

/** mulberry32: tiny, fast, and the same sequence on every machine for a seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Generates `customers` customers (default 40) with 1-5 sites in several countries and time zones,
 * contacts, 1-3 consecutive contracts (some with a lapse, some with ONSITE) and `devices` devices
 * (default 5000) spread over the sites. Serial numbers are unique within the fleet and carry the seed.
 */
export function generateFleet(options: FleetOptions): Fleet {
  const next = random(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const between = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const totalWeight = MODELS.reduce((sum, [, weight]) => sum + weight, 0);
  const model = () => {
    let roll = next() * totalWeight;
    for (const [name, weight] of MODELS) if ((roll -= weight) < 0) return name;
    return MODELS[0][0];
  };
  // Fixed by default so a seed means the same data on any day; pass today to move the contracts.
  const today = options.today ?? '2026-11-01';
  const customerCount = options.customers ?? 40;
  const deviceCount = options.devices ?? 5_000;
  const seedTag = (options.seed >>> 0).toString(36).toUpperCase().padStart(4, '0').slice(-4);

  const customers: FleetCustomer[] = Array.from({ length: customerCount }, (_, c) => {
    const name = `${pick(NAME_PARTS[0])} ${pick(NAME_PARTS[1])} ${c + 1}`;
    const domain = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example`;
    const sites = Array.from({ length: between(1, 5) }, (_, s): FleetSite => {
      const place = pick(CITIES);
      return {
        key: `${c}-${s}`,
        name: `${place.city} office ${s + 1}`,
        addressLine: `${between(1, 400)} ${pick(['High Street', 'Main Street', 'Park Avenue', 'Station Road', 'Market Square'])}`,
        city: place.city,
        postalCode: place.postal(),
        countryCode: place.countryCode,
        subdivision: place.subdivision,
        timeZone: place.timeZone,
        latitude: Number((place.latitude + (next() - 0.5) * 0.2).toFixed(6)),
        longitude: Number((place.longitude + (next() - 0.5) * 0.2).toFixed(6)),
      };
    });
    const contacts: FleetContact[] = Array.from({ length: between(2, 4) }, (_, k) => {
      const person = `${pick(FIRST)} ${pick(LAST)}`;
      return {
        name: person,
        email: `${person.toLowerCase().replace(/[^a-z]+/g, '.')}.${k}@${domain}`,
        role: k === 0 ? 'ADMIN' : 'TECHNICIAN',
        designated: k !== 0,
      };
    });
    // Consecutive yearly terms, the last one in force on `today`; one customer in five had a lapse
    // of some days between its first two terms (continuity matters for personal devices).
    const terms = between(1, 3);
    const onsite = next() < 0.4;
    const lapse = next() < 0.2 ? between(1, 20) : 0;
    let startsOn = addDays(today, -between(0, 300));
    const contracts: FleetContract[] = [];
    for (let t = terms - 1; t >= 0; t--) {
      contracts.unshift({
        reference: `PP-${seedTag}-${String(c + 1).padStart(4, '0')}-${t + 1}`,
        startsOn,
        endsOn: addDays(startsOn, 364),
        options: onsite ? ['ONSITE'] : [],
      });
      startsOn = addDays(startsOn, -365 - (t === 1 ? lapse : 0));
    }
    return { name, sites, contacts, contracts, devices: [] };
  });

  for (let d = 0; d < deviceCount; d++) {
    // Bigger customers get more devices: a skewed pick.
    const customer = customers[Math.floor(next() ** 2 * customers.length)];
    customer.devices.push({
      serialNumber: `F${seedTag}${String(d).padStart(7, '0')}`,
      productModel: model(),
      siteKey: pick(customer.sites).key,
    });
  }
  return { seed: options.seed, customers };
}
