import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import { WebSocket } from 'ws';
import { graphqlData, graphqlRequest, type GraphQLResult } from '@polyplus/local-stack';
import { authConfig, issueToken, type Principal } from '@polyplus/auth';
import { startE2eStack, type E2eStack, type GatewayAs } from './support/e2e-stack';
import { createTenant, type Tenant } from './support/tenants';
import { publishSecurityNotice } from './support/security-notices';
import { runSeedCli } from './support/seed-cli';
import { loadSupergraph, rootOperations, sampleVariables } from './support/supergraph-operations';

// The Online Support Center's API through the gateway on the real stack, loaded with the demo data.
let stack: E2eStack;
let tenantA: Tenant;
let tenantB: Tenant;
let demo: Record<'northwind' | 'contoso' | 'fabrikam', { id: string; admin: GatewayAs }>;
const clients: Client[] = [];

/** The support directory tools/seed/seed-online-support.ts loads. */
const DEMO_SUPPORT_CHANNELS = 13;

const codesOf = (result: GraphQLResult<unknown>) => (result.errors ?? []).map((error) => error.extensions?.code);
const adminOf = (customerId: string, subject: string): Principal => ({ subject, role: 'CUSTOMER_ADMIN', customerIds: [customerId] });

beforeAll(async () => {
  stack = await startE2eStack('e2e_support_center', { RATE_LIMIT_STAFF_PER_MINUTE: '0', RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0' });
  // The demo data as `npm run seed` loads it.
  await runSeedCli('tools/seed/seed-cli.ts', stack.gatewayUrl, stack.env);
  const { customers } = await graphqlData<{ customers: { id: string; name: string }[] }>(stack.gateway, '{ customers { id name } }');
  const idOf = (name: string) => customers.find((customer) => customer.name === name)?.id as string;
  demo = {
    northwind: { id: idOf('Northwind Trading'), admin: await stack.as(adminOf(idOf('Northwind Trading'), 'olivia.brown')) },
    contoso: { id: idOf('Contoso GmbH'), admin: await stack.as(adminOf(idOf('Contoso GmbH'), 'lena.fischer')) },
    fabrikam: { id: idOf('Fabrikam Inc.'), admin: await stack.as(adminOf(idOf('Fabrikam Inc.'), 'dana.whitfield')) },
  };
  // Two customers of their own, each with one Studio X50 under contract until 2099.
  tenantA = await createTenant(stack, 'Osc Tenant A', 'OSC-A-01');
  tenantB = await createTenant(stack, 'Osc Tenant B', 'OSC-B-01');
}, 600_000);

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await stack?.teardown();
}, 60_000);

describe('public access: the support directory and the replacement terms load without signing in, and nothing else does', () => {
  it('without a token, the support directory lists the regional telephone numbers and chat, web and video links with hours', async () => {
    const { supportDirectory } = await graphqlData<{
      supportDirectory: { region: string; kind: string; phoneNumber: string | null; url: string | null; hours: string }[];
    }>(stack.gatewayUrl, '{ supportDirectory { region kind phoneNumber url hours languages } }');
    expect(supportDirectory).toHaveLength(DEMO_SUPPORT_CHANNELS);
    expect(new Set(supportDirectory.map((channel) => channel.kind))).toEqual(new Set(['PHONE', 'CHAT', 'WEB', 'VIDEO']));
    expect(supportDirectory.find((channel) => channel.phoneNumber === '+448081570456')).toMatchObject({ region: 'EMEA', hours: '24x7' });
  }, 120_000);

  it('without a token, the published replacement terms list every served country with its depot, cut-off, business days and importer of record', async () => {
    const { publishedReplacementTerms } = await graphqlData<{
      publishedReplacementTerms: {
        countryCode: string;
        deliveryBusinessDays: number;
        customerIsImporterOfRecord: boolean;
        depots: { depot: { code: string }; cutoffLocalTime: string }[];
      }[];
    }>(
      stack.gatewayUrl,
      '{ publishedReplacementTerms { countryCode deliveryBusinessDays customerIsImporterOfRecord depots { depot { code } cutoffLocalTime } } }',
    );
    expect(publishedReplacementTerms.map((terms) => terms.countryCode)).toEqual(['CA', 'CH', 'DE', 'FR', 'GB', 'IE', 'US']);
    expect(publishedReplacementTerms.find((terms) => terms.countryCode === 'CH')).toEqual({
      countryCode: 'CH',
      deliveryBusinessDays: 3,
      customerIsImporterOfRecord: true,
      depots: [{ depot: { code: 'FRA' }, cutoffLocalTime: '15:00' }],
    });
  }, 120_000);

  it('PUBLIC can read nothing else: every other query of the supergraph is FORBIDDEN without a token, and answers no data', async () => {
    const schema = loadSupergraph();
    const others = rootOperations(schema).filter((operation) => operation.kind === 'query' && !operation.roles.includes('PUBLIC'));
    expect(others.length).toBeGreaterThan(40);
    for (const operation of others) {
      const result = await graphqlRequest(
        stack.gatewayUrl,
        operation.document,
        sampleVariables(operation.field.args, () => undefined),
      );
      expect({ query: operation.name, codes: codesOf(result), data: result.data?.[operation.name as never] ?? null }).toEqual({
        query: operation.name,
        codes: ['FORBIDDEN'],
        data: null,
      });
    }
    const open = rootOperations(schema).filter((operation) => operation.kind === 'query' && operation.roles.includes('PUBLIC'));
    expect(open.map((operation) => operation.name).sort()).toEqual(['publishedReplacementTerms', 'replacementTerms', 'supportDirectory']);
  }, 120_000);

  it('a mutation by PUBLIC is refused and writes nothing: not even the public directory can be changed without signing in', async () => {
    const input = {
      region: 'EMEA',
      kind: 'PHONE',
      label: 'Prank line',
      phoneNumber: '+448081570999',
      available24x7: true,
      languages: ['en'],
    };
    const result = await graphqlRequest(
      stack.gatewayUrl,
      'mutation ($input: SupportChannelInput!) { addSupportChannel(input: $input) { id } }',
      { input },
    );
    expect(codesOf(result)).toEqual(['FORBIDDEN']);
    const { supportDirectory } = await graphqlData<{ supportDirectory: unknown[] }>(stack.gatewayUrl, '{ supportDirectory { id } }');
    expect(supportDirectory).toHaveLength(DEMO_SUPPORT_CHANNELS);
  }, 120_000);

  it('a bad or expired token is 401 UNAUTHENTICATED even for the public directory, never anonymous', async () => {
    const expired = await issueToken(tenantA.principal, authConfig(stack.env), '-5m');
    for (const authorization of [`Bearer ${expired}`, 'Bearer not-a-token', '']) {
      const response = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ query: '{ supportDirectory { id } }' }),
      });
      const body = (await response.json()) as GraphQLResult<unknown>;
      expect({ status: response.status, codes: codesOf(body) }).toEqual({ status: 401, codes: ['UNAUTHENTICATED'] });
    }
  }, 120_000);

  it('subscriptions stay authenticated: a connection without a token is closed with 4403', async () => {
    const closed = new Promise<number>((resolve) => {
      const client = createClient({
        url: stack.gatewayUrl.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        lazy: false,
        onNonLazyError: () => undefined,
        on: { closed: (event) => resolve((event as { code: number }).code) },
      });
      clients.push(client);
    });
    expect(await closed).toBe(4403);
  }, 120_000);
});

describe('published advance-replacement terms equal what real orders get', () => {
  type Order = {
    status: string;
    destinationCountry: string;
    orderReceivedAt: string;
    shipDate: string;
    expectedDelivery: string;
    expectedDeliveryAt: string;
    customerIsImporterOfRecord: boolean;
    incident: { device: { site: { timeZone: string; subdivision: string | null } } };
  };
  const ORDER =
    'orderReceivedAt status destinationCountry shipDate expectedDelivery expectedDeliveryAt customerIsImporterOfRecord incident { device { site { timeZone subdivision } } }';

  async function expectTermsMatch(order: Order) {
    const { replacementTerms } = await graphqlData<{
      replacementTerms: { customerIsImporterOfRecord: boolean; example: Record<string, unknown> };
    }>(
      stack.gatewayUrl,
      'query ($c: String!, $at: DateTimeISO, $tz: String, $sd: String) { replacementTerms(countryCode: $c, at: $at, timeZone: $tz, subdivision: $sd) { customerIsImporterOfRecord example { shipDate deliveryDate expectedDeliveryAt } } }',
      {
        c: order.destinationCountry,
        at: order.orderReceivedAt,
        tz: order.incident.device.site.timeZone,
        sd: order.incident.device.site.subdivision,
      },
    );
    expect({
      country: order.destinationCountry,
      ...replacementTerms.example,
      importer: replacementTerms.customerIsImporterOfRecord,
    }).toEqual({
      country: order.destinationCountry,
      shipDate: order.shipDate,
      deliveryDate: order.expectedDelivery,
      expectedDeliveryAt: order.expectedDeliveryAt,
      importer: order.customerIsImporterOfRecord,
    });
  }

  it('every demo order (sites in GB, DE and US) got the dates the published terms state for the instant it was received', async () => {
    const orders: Order[] = [];
    for (const customer of Object.values(demo)) {
      const { incidents } = await graphqlData<{ incidents: { replacementOrders: Order[] }[] }>(
        stack.gateway,
        `query ($c: ID!) { incidents(customerId: $c) { replacementOrders { ${ORDER} } } }`,
        { c: customer.id },
      );
      orders.push(...incidents.flatMap((incident) => incident.replacementOrders).filter((order) => order.status === 'ORDERED'));
    }
    expect(new Set(orders.map((order) => order.destinationCountry))).toEqual(new Set(['GB', 'DE', 'US']));
    for (const order of orders) await expectTermsMatch(order);
  }, 120_000);

  it('an order into a customs-delay country (CH: 2 business days, customer as importer of record) gets the published dates', async () => {
    const staff = stack.gateway;
    const { createSite } = await graphqlData<{ createSite: { id: string } }>(
      staff,
      'mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }',
      {
        input: { customerId: tenantA.customerId, name: 'Zurich office', countryCode: 'CH', timeZone: 'Europe/Zurich' },
      },
    );
    const { registerDevice } = await graphqlData<{ registerDevice: { id: string } }>(
      staff,
      'mutation ($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }',
      {
        input: { customerId: tenantA.customerId, siteId: createSite.id, serialNumber: 'OSC-A-ZRH', productModel: 'Studio X50' },
      },
    );
    await graphqlData(staff, 'mutation ($input: CreateContractInput!) { createContract(input: $input) { id } }', {
      input: {
        customerId: tenantA.customerId,
        reference: 'PP-OSC-A-ZRH',
        startsOn: '2025-01-01',
        endsOn: '2099-12-31',
        deviceIds: [registerDevice.id],
      },
    });
    const { openIncident } = await graphqlData<{ openIncident: { id: string } }>(
      staff,
      'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id } }',
      {
        input: { contactId: tenantA.contactId, deviceId: registerDevice.id, severity: 2, channel: 'PHONE', summary: 'Zurich camera dead' },
      },
    );
    const { orderReplacement } = await graphqlData<{ orderReplacement: Order }>(
      staff,
      `mutation ($input: OrderReplacementInput!) { orderReplacement(input: $input) { ${ORDER} } }`,
      {
        input: { incidentId: openIncident.id, partNumber: '2215-60001' },
      },
    );
    expect(orderReplacement).toMatchObject({ status: 'ORDERED', destinationCountry: 'CH', customerIsImporterOfRecord: true });
    await expectTermsMatch(orderReplacement);
  }, 120_000);
});

describe('product documentation: only for owned products', () => {
  const DOCUMENTS = '{ productDocuments { title softwareVersion product { model } } }';

  it('a customer sees documents only of the products it has a device of under a current contract, latest first; staff see all', async () => {
    const { productDocuments: mine } = await graphqlData<{
      productDocuments: { title: string; softwareVersion: string | null; product: { model: string } }[];
    }>(tenantA.admin, DOCUMENTS);
    expect(new Set(mine.map((document) => document.product.model))).toEqual(new Set(['Studio X50']));
    expect(mine.map((document) => document.softwareVersion).filter(Boolean)).toEqual(['4.3.0', '4.3.0', '4.3.0', '4.2.0', '4.2.0']);
    const { productDocuments: northwind } = await graphqlData<{ productDocuments: { product: { model: string } }[] }>(
      demo.northwind.admin,
      DOCUMENTS,
    );
    expect(new Set(northwind.map((document) => document.product.model))).toEqual(
      new Set(['Studio X50', 'G7500', 'CCX 600', 'Voyager Focus 2', 'Sync 60']),
    );
    const { productDocuments: all } = await graphqlData<{ productDocuments: unknown[] }>(
      stack.gateway,
      '{ productDocuments(first: 200) { title } }',
    );
    expect(all.length).toBeGreaterThan(mine.length);
  }, 120_000);

  it('a customer naming a product it does not own gets no documents', async () => {
    const { products } = await graphqlData<{ products: { id: string; model: string }[] }>(stack.gateway, '{ products { id model } }');
    const g7500 = products.find((product) => product.model === 'G7500')?.id;
    expect(
      (
        await graphqlData<{ productDocuments: unknown[] }>(tenantA.admin, 'query ($p: ID) { productDocuments(productId: $p) { title } }', {
          p: g7500,
        })
      ).productDocuments,
    ).toEqual([]);
  }, 120_000);
});

describe('software downloads: latest and latest minus one recorded, older refused', () => {
  const DOWNLOAD = 'mutation ($r: ID!) { downloadSoftwareRelease(releaseId: $r) { version url downloadedBy device { serialNumber } } }';

  it('the latest and the latest minus one are downloaded with their link and recorded; an older release is FORBIDDEN; staff see the records', async () => {
    const { device } = await graphqlData<{ device: { product: { id: string } } }>(
      tenantA.admin,
      'query ($id: ID!) { device(id: $id) { product { id } } }',
      { id: tenantA.deviceId },
    );
    const { softwareReleases } = await graphqlData<{ softwareReleases: { id: string; version: string }[] }>(
      tenantA.admin,
      'query ($p: ID!) { softwareReleases(productId: $p) { id version } }',
      { p: device.product.id },
    );
    expect(softwareReleases.map((release) => release.version)).toEqual(['4.3.0', '4.2.0', '4.1.0']);
    const [latest, previous, older] = softwareReleases;
    for (const release of [latest, previous]) {
      const { downloadSoftwareRelease } = await graphqlData<{
        downloadSoftwareRelease: { version: string; url: string; downloadedBy: string; device: { serialNumber: string } };
      }>(tenantA.admin, DOWNLOAD, { r: release.id });
      expect(downloadSoftwareRelease).toEqual({
        version: release.version,
        url: `https://downloads.poly.com/software/studio-x50/${release.version}/studio-x50-${release.version}.zip`,
        downloadedBy: `CUSTOMER_ADMIN:${tenantA.principal.subject}`,
        device: { serialNumber: 'OSC-A-01' },
      });
    }
    const refused = await graphqlRequest(tenantA.admin, DOWNLOAD, { r: older.id });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OLDER_THAN_LATEST_MINUS_ONE' });
    const { softwareDownloadRecords } = await graphqlData<{
      softwareDownloadRecords: { version: string; downloadedBy: string; customerId: string }[];
    }>(stack.gateway, 'query ($c: ID) { softwareDownloadRecords(customerId: $c) { version downloadedBy customerId } }', {
      c: tenantA.customerId,
    });
    expect(softwareDownloadRecords.map((record) => record.version)).toEqual(['4.2.0', '4.3.0']);
    expect(codesOf(await graphqlRequest(tenantA.admin, '{ softwareDownloadRecords { version } }'))).toEqual(['FORBIDDEN']);
  }, 120_000);
});

describe('premium features per device from its contract', () => {
  it('each device shows the premium Poly Lens features of its current contract; staff change them on the contract', async () => {
    const features = async (admin: GatewayAs, customerId: string) =>
      (
        await graphqlData<{ devices: { premiumFeatures: string[] }[] }>(
          admin,
          'query ($c: ID!) { devices(customerId: $c) { premiumFeatures } }',
          { c: customerId },
        )
      ).devices.map((device) => device.premiumFeatures);
    expect(new Set((await features(demo.northwind.admin, demo.northwind.id)).map((list) => list.join(',')))).toEqual(
      new Set(['REMOTE_MANAGEMENT,ADVANCED_ANALYTICS,FIRMWARE_SCHEDULING']),
    );
    expect(new Set((await features(demo.contoso.admin, demo.contoso.id)).map((list) => list.join(',')))).toEqual(new Set(['']));
    const { customer } = await graphqlData<{ customer: { contracts: { id: string; reference: string }[] } }>(
      stack.gateway,
      'query ($id: ID!) { customer(id: $id) { contracts { id reference } } }',
      { id: tenantB.customerId },
    );
    await graphqlData(
      stack.gateway,
      'mutation ($id: ID!) { setContractPremiumFeatures(contractId: $id, premiumFeatures: [PROACTIVE_ALERTS, REMOTE_MANAGEMENT]) { id } }',
      { id: customer.contracts[0].id },
    );
    expect(await features(tenantB.admin, tenantB.customerId)).toEqual([['REMOTE_MANAGEMENT', 'PROACTIVE_ALERTS']]);
  }, 120_000);
});

describe('security and privacy notices', () => {
  type Notice = {
    id: string;
    title: string;
    recipients: { customerId: string; acknowledgedAt: string | null; acknowledgedBy: string | null }[];
  };
  const NOTICES = '{ securityNotices { id title recipients { customerId acknowledgedAt acknowledgedBy } } }';

  it('the demo notice is visible only to the affected customers, who acknowledge it; staff see who acknowledged', async () => {
    const { securityNotices: northwind } = await graphqlData<{ securityNotices: Notice[] }>(demo.northwind.admin, NOTICES);
    expect(northwind).toHaveLength(1);
    expect(northwind[0].recipients).toEqual([{ customerId: demo.northwind.id, acknowledgedAt: null, acknowledgedBy: null }]);
    expect((await graphqlData<{ securityNotices: Notice[] }>(demo.fabrikam.admin, NOTICES)).securityNotices).toEqual([]);
    await graphqlData(demo.northwind.admin, 'mutation ($id: ID!) { acknowledgeSecurityNotice(noticeId: $id) { id } }', {
      id: northwind[0].id,
    });
    const { securityNotice } = await graphqlData<{ securityNotice: Notice & { recordedBy: string } }>(
      stack.gateway,
      'query ($id: ID!) { securityNotice(id: $id) { id title recordedBy recipients { customerId acknowledgedAt acknowledgedBy } } }',
      { id: northwind[0].id },
    );
    expect(securityNotice.recipients.find((recipient) => recipient.customerId === demo.northwind.id)).toMatchObject({
      acknowledgedBy: 'CUSTOMER_ADMIN:olivia.brown',
      acknowledgedAt: expect.any(String),
    });
    expect(securityNotice.recipients.find((recipient) => recipient.customerId === demo.contoso.id)).toMatchObject({
      acknowledgedBy: null,
      acknowledgedAt: null,
    });
  }, 120_000);

  it('the notice event reaches a subscriber of the affected customer and not another', async () => {
    type Publication = { customerId: string; notice: { id: string; title: string; severity: string } };
    const feeds = await Promise.all(
      [tenantA, tenantB].map(async (tenant) =>
        subscribe<Publication>(
          await connect(await issueToken(tenant.principal, authConfig(stack.env))),
          'subscription { securityNoticePublished { customerId notice { id title severity } } }',
          'securityNoticePublished',
        ),
      ),
    );
    const [a, b] = feeds;
    const publish = (title: string, affectedCustomerIds: string[]) =>
      publishSecurityNotice(stack.gateway, { title, summary: `${title}: details for the affected customers.`, affectedCustomerIds });
    // graphql-ws does not acknowledge a subscribe: a notice to both shows both subscriptions are live.
    const warmUp = await publish('Warm-up notice', [tenantA.customerId, tenantB.customerId]);
    await a.next((item) => item.notice.id === warmUp, 'A’s warm-up notice');
    await b.next((item) => item.notice.id === warmUp, 'B’s warm-up notice');
    const forA = await publish('Only A is affected', [tenantA.customerId]);
    const forB = await publish('Only B is affected', [tenantB.customerId]);
    expect(await a.next((item) => item.notice.id === forA, 'A’s notice')).toEqual({
      customerId: tenantA.customerId,
      notice: { id: forA, title: 'Only A is affected', severity: 'HIGH' },
    });
    // Deliveries come in stream order: once B has its own later notice, it has been offered A's.
    await b.next((item) => item.notice.id === forB, 'B’s notice');
    expect(b.items.map((item) => item.notice.id)).toEqual([warmUp, forB]);
    expect(b.items.every((item) => item.customerId === tenantB.customerId)).toBe(true);
    expect(a.items.map((item) => item.notice.id)).not.toContain(forB);
    expect([...a.errors, ...b.errors]).toEqual([]);
  }, 120_000);
});

function connect(token: string): Client {
  const client = createClient({
    url: stack.gatewayUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  clients.push(client);
  return client;
}

/** A subscription's deliveries as they arrive, and a bounded wait for one that matches. */
function subscribe<T>(client: Client, query: string, field: string) {
  const items: T[] = [];
  const errors: unknown[] = [];
  client.subscribe(
    { query },
    {
      next: (result: FormattedExecutionResult) => {
        if (result.errors) errors.push(result.errors);
        if (result.data) items.push(result.data[field] as T);
      },
      error: (error) => void errors.push(error),
      complete: () => undefined,
    },
  );
  return {
    items,
    errors,
    async next(matches: (item: T) => boolean, what: string): Promise<T> {
      for (let attempt = 0; attempt < 600; attempt++) {
        const found = items.find(matches);
        if (found) return found;
        if (errors.length > 0) throw new Error(`${what}: ${JSON.stringify(errors)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`${what}: not delivered; received ${JSON.stringify(items)}`);
    },
  };
}
