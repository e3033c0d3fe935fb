// What the Online Support Center's demo customer (Northwind Trading: Olivia Brown, admin, not a
// designated contact; Sam Okafor, designated technician) has to look at beyond the base demo data:
// one replacement on its way with carrier events, one delivered with the defective part owed back,
// a case taken up by support and referred to a cloud partner (ECPS), licences, and knowledge-base
// articles. Loaded through the gateway like every other demo data, after seedDemo.
import { graphqlData, type GraphQLTarget } from '@polyplus/local-stack';

/** The customer the portal's development sign-in acts for. */
export const PORTAL_DEMO_CUSTOMER = 'Northwind Trading';

type Order = {
  id: string;
  status: string;
  expectedDeliveryAt: string | null;
  part: { name: string } | null;
  shipment: { id: string } | null;
};
type Case = {
  id: string;
  version: number;
  severity: number;
  summary: string;
  device: { id: string; serialNumber: string; productModel: string };
  replacementOrders: Order[];
};

export const DEMO_ARTICLES = [
  {
    title: 'Studio X50 restarts repeatedly after a software update',
    body: 'Symptom: the video bar reboots every few minutes after an update.\n\nCause: a configuration profile from the previous release enables a camera mode the new release no longer supports.\n\nWorkaround: in Poly Lens, reset the camera profile to defaults, then restart the device once. If the device keeps restarting, collect its logs (Settings > Diagnostics > Download logs) and open a service request.',
    products: ['Studio X50'],
    tags: ['reboot', 'update', 'camera'],
  },
  {
    title: 'Camera feed freezes during long calls',
    body: 'Symptom: the far end sees a frozen picture after about ten minutes.\n\nCheck that the device runs the latest or latest-minus-one release (Downloads). Releases before 4.2.0 freeze when the network path changes MTU during a call. Update the device, or set the MTU to 1300 bytes until you can.',
    products: ['Studio X50', 'G7500'],
    tags: ['video', 'freeze', 'mtu'],
  },
  {
    title: 'CCX 600 handset gives no audio',
    body: 'Check the handset cord on both ends and swap it with a known good one. If the handset stays silent, the handset is replaced in advance: a support engineer orders the part for next-business-day delivery.',
    products: ['CCX 600'],
    tags: ['audio', 'handset', 'replacement'],
  },
  {
    title: 'Sharing content in Zoom Rooms shows a black screen',
    body: 'When content sharing shows a black screen in Zoom Rooms, the cause usually lies in the Zoom Rooms environment. Poly support opens an incident request with Zoom (Ecosystem Cloud Partner Support) and gives you Zoom’s tracking number.',
    products: ['G7500', 'Studio X50'],
    tags: ['zoom', 'content', 'ecps'],
  },
];

async function northwindCases(gateway: GraphQLTarget, customerId: string): Promise<Case[]> {
  const { incidents } = await graphqlData<{ incidents: Case[] }>(
    gateway,
    'query ($c: ID!) { incidents(customerId: $c) { id version severity summary device { id serialNumber productModel } replacementOrders { id status expectedDeliveryAt part { name } shipment { id } } } }',
    { c: customerId },
  );
  return incidents;
}

async function track(
  gateway: GraphQLTarget,
  carrier: string,
  trackingNumber: string,
  status: string,
  note: string,
  eta?: string | null,
): Promise<void> {
  await graphqlData(gateway, 'mutation ($input: RecordTrackingEventInput!) { recordTrackingEvent(input: $input) { id } }', {
    input: { carrier, trackingNumber, status, at: new Date().toISOString(), note, ...(eta ? { eta } : {}) },
  });
}

/** Loads the portal's demo material; does nothing when it is there already (a Northwind part is shipped). */
export async function seedPortalDemo(gateway: GraphQLTarget, log: (line: string) => void = console.log): Promise<void> {
  const { customers } = await graphqlData<{ customers: { id: string; name: string }[] }>(gateway, '{ customers { id name } }');
  const customer = customers.find((candidate) => candidate.name === PORTAL_DEMO_CUSTOMER);
  if (!customer) return;
  const cases = await northwindCases(gateway, customer.id);
  if (cases.some((item) => item.replacementOrders.some((order) => order.shipment))) return;

  for (const article of DEMO_ARTICLES) {
    await graphqlData(gateway, 'mutation ($input: PublishArticleInput!) { publishKnowledgeArticle(input: $input) { id } }', {
      input: article,
    });
  }

  // Parts without a technician visit travel by courier: one on its way, one delivered.
  const courier = cases.filter(
    (item) => item.device.productModel !== 'Studio X50' && item.device.productModel !== 'G7500' && item.replacementOrders.length > 0,
  );
  const [onItsWay, delivered] = courier;
  if (onItsWay) {
    const order = onItsWay.replacementOrders[0];
    const trackingNumber = `1Z-NW-${order.id.slice(0, 6).toUpperCase()}`;
    await graphqlData(gateway, 'mutation ($input: ShipOrderInput!) { shipReplacement(input: $input) { id } }', {
      input: { orderId: order.id, carrier: 'UPS', trackingNumber, partSerialNumber: `RP-NW-${order.id.slice(0, 6).toUpperCase()}` },
    });
    await track(gateway, 'UPS', trackingNumber, 'PICKED_UP', 'Collected from the LHR depot');
    await track(gateway, 'UPS', trackingNumber, 'IN_TRANSIT', 'Arrived at the Manchester hub', order.expectedDeliveryAt);
  }
  if (delivered) {
    const order = delivered.replacementOrders[0];
    const trackingNumber = `JD-NW-${order.id.slice(0, 6).toUpperCase()}`;
    await graphqlData(gateway, 'mutation ($input: ShipOrderInput!) { shipReplacement(input: $input) { id } }', {
      input: { orderId: order.id, carrier: 'DHL', trackingNumber, partSerialNumber: `RP-NW-${order.id.slice(0, 6).toUpperCase()}` },
    });
    await track(gateway, 'DHL', trackingNumber, 'PICKED_UP', 'Collected from the LHR depot');
    await track(gateway, 'DHL', trackingNumber, 'DELIVERED', 'Signed for at reception');

    // Support took the case up, found the cause in the partner's environment and referred it (ECPS).
    const { respondToIncident } = await graphqlData<{ respondToIncident: { version: number } }>(
      gateway,
      'mutation ($input: IncidentActionInput!) { respondToIncident(input: $input) { version } }',
      { input: { incidentId: delivered.id, expectedVersion: delivered.version, note: 'Called the designated contact; collecting logs' } },
    );
    await graphqlData(gateway, 'mutation ($input: MarkPartnerCausedInput!) { markPartnerCaused(input: $input) { id } }', {
      input: {
        incidentId: delivered.id,
        expectedVersion: respondToIncident.version,
        partner: 'ZOOM',
        findings: 'The device works with a new part; the remaining audio drops come from the Zoom Rooms tenant’s media region.',
      },
    });
    const { openPartnerRequest } = await graphqlData<{ openPartnerRequest: { id: string } }>(
      gateway,
      'mutation ($input: OpenPartnerRequestInput!) { openPartnerRequest(input: $input) { id } }',
      { input: { incidentId: delivered.id, trackingNumber: 'ZR-2291-5530' } },
    );
    await graphqlData(gateway, 'mutation ($input: PartnerStatusInput!) { recordPartnerStatus(input: $input) { id } }', {
      input: {
        requestId: openPartnerRequest.id,
        partnerStatus: 'Investigating',
        note: 'Zoom engineering reproduces the drop in the EU media region',
      },
    });
  }

  // Licences for the room systems.
  const rooms = cases
    .map((item) => item.device)
    .filter((device) => device.productModel === 'Studio X50' || device.productModel === 'G7500');
  const { devices } = await graphqlData<{ devices: { id: string; productModel: string }[] }>(
    gateway,
    'query ($c: ID!) { devices(customerId: $c) { id productModel } }',
    { c: customer.id },
  );
  const licensed = [...new Map([...rooms, ...devices].map((device) => [device.id, device])).values()].filter(
    (device) => device.productModel === 'Studio X50' || device.productModel === 'G7500',
  );
  for (const [index, device] of licensed.slice(0, 3).entries()) {
    await graphqlData(gateway, 'mutation ($input: IssueLicenceInput!) { issueLicence(input: $input) { id } }', {
      input:
        index === 0
          ? { deviceId: device.id, feature: 'Poly Lens premium features' }
          : { deviceId: device.id, feature: 'Microsoft Teams Rooms', expiresOn: '2027-12-31' },
    });
  }
  log(
    `portal demo loaded for ${PORTAL_DEMO_CUSTOMER}: ${DEMO_ARTICLES.length} articles, ${onItsWay ? 1 : 0} part on its way, ${delivered ? 1 : 0} delivered, ${Math.min(licensed.length, 3)} licences`,
  );
}
