// A believable day on the dispatch board: a London healthcare customer with room systems at five
// sites, nine open cases whose replacement parts need a technician on site, three more
// room-certified technicians in the region, carrier ETAs later than the depot's promise (one part
// damaged in transit, arriving beyond the planning horizon), and a training morning. Loaded
// through the gateway like every other demo data.
import { DateTime } from 'luxon';
import { graphqlData, type GraphQLTarget } from '@polyplus/local-stack';
import { DEMO_PARTS } from './seed-logistics';

/** The region the board's demo link opens. */
export const DEMO_BOARD_REGION = 'UK-SOUTH';

const CUSTOMER_NAME = 'Tailspin Health';

const TECHNICIANS = [
  { name: 'Priya Shah', homeLatitude: 51.556, homeLongitude: -0.2796 },
  { name: 'Daniel Okoro', homeLatitude: 51.4613, homeLongitude: -0.1156 },
  { name: 'Hannah Clarke', homeLatitude: 51.545, homeLongitude: 0.009 },
  { name: 'Owen Price', homeLatitude: 51.3762, homeLongitude: -0.0982 },
  { name: 'Leila Haddad', homeLatitude: 51.5907, homeLongitude: -0.111 },
].map((technician) => ({
  ...technician,
  region: DEMO_BOARD_REGION,
  timeZone: 'Europe/London',
  skills: ['ROOM'],
  workFrom: '08:00',
  workTo: '17:30',
}));

const SITES = [
  {
    name: 'Waterloo Hospital',
    addressLine: '1 Westminster Bridge Road',
    city: 'London',
    postalCode: 'SE1 7EH',
    latitude: 51.4987,
    longitude: -0.1181,
  },
  {
    name: 'Canary Wharf Clinic',
    addressLine: '25 Cabot Square',
    city: 'London',
    postalCode: 'E14 4QZ',
    latitude: 51.5054,
    longitude: -0.0235,
  },
  {
    name: 'Kingston Practice',
    addressLine: '12 Eden Street',
    city: 'Kingston upon Thames',
    postalCode: 'KT1 1BB',
    latitude: 51.4123,
    longitude: -0.3007,
  },
  {
    name: 'Camden Day Centre',
    addressLine: '75 Pratt Street',
    city: 'London',
    postalCode: 'NW1 0HE',
    latitude: 51.5375,
    longitude: -0.1389,
  },
  { name: 'Greenwich Labs', addressLine: '4 Park Row', city: 'London', postalCode: 'SE10 9NF', latitude: 51.4826, longitude: -0.0077 },
].map((site) => ({ ...site, countryCode: 'GB', subdivision: 'ENG', timeZone: 'Europe/London' }));

// Room systems only: onsite service covers them (phones and personal devices are swapped by courier).
const CASES = [
  { site: 0, model: 'Studio X50', severity: 1, summary: 'Boardroom video bar reboots every few minutes during clinics' },
  { site: 0, model: 'G7500', severity: 2, summary: 'Codec drops the far-end video after ten minutes' },
  { site: 1, model: 'G7500', severity: 1, summary: 'Telehealth suite codec does not power on' },
  { site: 1, model: 'Studio X50', severity: 3, summary: 'Camera tracking drifts to the left wall' },
  { site: 2, model: 'Studio X50', severity: 2, summary: 'No audio from the video bar in the consulting room' },
  { site: 3, model: 'G7500', severity: 2, summary: 'Content sharing shows a black screen' },
  { site: 3, model: 'Studio X50', severity: 3, summary: 'Fan noise audible in quiet rooms' },
  { site: 4, model: 'Studio X50', severity: 1, summary: 'Lab briefing room system stuck in recovery mode' },
  { site: 2, model: 'G7500', severity: 2, summary: 'Codec overheats and shuts down after an hour' },
];

// The last case's part was damaged in transit: the carrier's new arrival lies beyond the planning horizon.
const DAMAGED_IN_TRANSIT = CASES.length - 1;

type Id = { id: string };
export type BoardDay = {
  region: string;
  /** The region's local day the parts arrive: the first day with visits to show. */
  date: string | null;
  customerId: string;
  incidentIds: string[];
  technicianIds: string[];
};

/**
 * Loads the board's demo day; does nothing (and returns null) when the customer exists already.
 * Visits come from the replacement orders, as in production: dispatch creates and plans them.
 */
export async function seedBoardDay(gateway: GraphQLTarget, log: (line: string) => void = console.log): Promise<BoardDay | null> {
  const { customers } = await graphqlData<{ customers: { id: string; name: string }[] }>(gateway, '{ customers { id name } }');
  if (customers.some((customer) => customer.name === CUSTOMER_NAME)) return null;

  const technicianIds: string[] = [];
  for (const technician of TECHNICIANS) {
    const { createTechnician } = await graphqlData<{ createTechnician: Id }>(
      gateway,
      'mutation ($input: CreateTechnicianInput!) { createTechnician(input: $input) { id } }',
      { input: technician },
    );
    technicianIds.push(createTechnician.id);
  }
  const { createCustomer } = await graphqlData<{ createCustomer: Id }>(
    gateway,
    'mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }',
    { input: { name: CUSTOMER_NAME } },
  );
  const customerId = createCustomer.id;
  const { addContact } = await graphqlData<{ addContact: Id }>(
    gateway,
    'mutation ($input: AddContactInput!) { addContact(input: $input) { id } }',
    {
      input: { customerId, name: 'Ruth Adeyemi', email: 'ruth.adeyemi@tailspin-health.example', role: 'TECHNICIAN', designated: true },
    },
  );
  const siteIds: string[] = [];
  for (const site of SITES) {
    const { createSite } = await graphqlData<{ createSite: Id }>(
      gateway,
      'mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }',
      { input: { ...site, customerId } },
    );
    siteIds.push(createSite.id);
  }
  const deviceIds: string[] = [];
  for (const [index, item] of CASES.entries()) {
    const { registerDevice } = await graphqlData<{ registerDevice: Id }>(
      gateway,
      'mutation ($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }',
      {
        input: {
          customerId,
          siteId: siteIds[item.site],
          productModel: item.model,
          serialNumber: `TSH-${String(2001 + index).padStart(6, '0')}`,
        },
      },
    );
    deviceIds.push(registerDevice.id);
  }
  const startsOn = DateTime.now().minus({ months: 2 }).toISODate() as string;
  await graphqlData(gateway, 'mutation ($input: CreateContractInput!) { createContract(input: $input) { id } }', {
    input: {
      customerId,
      reference: 'PP-TH-2026',
      startsOn,
      endsOn: DateTime.fromISO(startsOn).plus({ years: 3 }).toISODate(),
      options: ['ONSITE'],
      deviceIds,
    },
  });

  const incidentIds: string[] = [];
  const orders: { id: string; expectedDeliveryAt: string | null }[] = [];
  for (const [index, item] of CASES.entries()) {
    const { openIncident } = await graphqlData<{ openIncident: Id }>(
      gateway,
      'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id } }',
      {
        input: { deviceId: deviceIds[index], contactId: addContact.id, channel: 'PHONE', severity: item.severity, summary: item.summary },
      },
    );
    incidentIds.push(openIncident.id);
    const { orderReplacement } = await graphqlData<{ orderReplacement: { id: string; expectedDeliveryAt: string | null } }>(
      gateway,
      'mutation ($input: OrderReplacementInput!) { orderReplacement(input: $input) { id expectedDeliveryAt } }',
      { input: { incidentId: openIncident.id, partNumber: DEMO_PARTS.find((part) => part.productModel === item.model)!.partNumber } },
    );
    orders.push(orderReplacement);
  }

  // Two parts travel with a carrier that announces a later arrival than the depot promised.
  for (const [index, order] of orders.slice(2, 4).entries()) {
    if (!order.expectedDeliveryAt) continue;
    const trackingNumber = `1Z-TSH-${4100 + index}`;
    await graphqlData(gateway, 'mutation ($input: ShipOrderInput!) { shipReplacement(input: $input) { id } }', {
      input: { orderId: order.id, carrier: 'UPS', trackingNumber, partSerialNumber: `RP-TSH-${7100 + index}` },
    });
    const eta = DateTime.fromISO(order.expectedDeliveryAt)
      .setZone('Europe/London')
      .set({ hour: 10 + index * 3, minute: 30 });
    await graphqlData(gateway, 'mutation ($input: RecordTrackingEventInput!) { recordTrackingEvent(input: $input) { id } }', {
      input: {
        carrier: 'UPS',
        trackingNumber,
        status: 'PICKED_UP',
        at: new Date().toISOString(),
        eta: eta.toUTC().toISO(),
        note: 'Collected; carrier arrival window later than planned',
      },
    });
  }

  const damaged = orders[DAMAGED_IN_TRANSIT];
  if (damaged.expectedDeliveryAt) {
    const trackingNumber = 'JD-TSH-5100';
    await graphqlData(gateway, 'mutation ($input: ShipOrderInput!) { shipReplacement(input: $input) { id } }', {
      input: { orderId: damaged.id, carrier: 'DHL', trackingNumber, partSerialNumber: 'RP-TSH-5100' },
    });
    const eta = DateTime.fromISO(damaged.expectedDeliveryAt).plus({ days: 14 });
    await graphqlData(gateway, 'mutation ($input: RecordTrackingEventInput!) { recordTrackingEvent(input: $input) { id } }', {
      input: {
        carrier: 'DHL',
        trackingNumber,
        status: 'EXCEPTION',
        at: new Date().toISOString(),
        eta: eta.toUTC().toISO(),
        note: 'Damaged in transit; a new part ships from the central warehouse',
      },
    });
  }

  // Daniel is on a training course the morning the parts arrive.
  const firstDelivery = orders
    .map((order) => order.expectedDeliveryAt)
    .filter((at): at is string => !!at)
    .sort()[0];
  const day = firstDelivery ? DateTime.fromISO(firstDelivery).setZone('Europe/London').startOf('day') : null;
  if (day) {
    await graphqlData(gateway, 'mutation ($input: RecordTechnicianAbsenceInput!) { recordTechnicianAbsence(input: $input) { id } }', {
      input: {
        technicianId: technicianIds[1],
        kind: 'TRAINING',
        startsAt: day.set({ hour: 8 }).toUTC().toISO(),
        endsAt: day.set({ hour: 11 }).toUTC().toISO(),
      },
    });
  }
  log(`board demo day loaded: ${CASES.length} cases needing a visit in ${DEMO_BOARD_REGION}, ${TECHNICIANS.length} more technicians`);
  return { region: DEMO_BOARD_REGION, date: day?.toISODate() ?? null, customerId, incidentIds, technicianIds };
}
