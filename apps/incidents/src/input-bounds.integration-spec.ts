import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import type { Principal } from '@polyplus/auth';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { executeOperation, operationData, expectRefusedInput, type BoundsCase } from '@polyplus/testing';
import { createIncidentsSubgraph, incidentsSubgraph } from './incidents-subgraph';
import { FakeWorld } from './testing/fake-subgraphs';

const OPEN = 'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id version } }';
const RESPOND = 'mutation ($input: IncidentActionInput!) { respondToIncident(input: $input) { id } }';
const WORKAROUND = 'mutation ($input: ProvideWorkaroundInput!) { provideWorkaround(input: $input) { id } }';
const RESOLVE = 'mutation ($input: ResolveIncidentInput!) { resolveIncident(input: $input) { id } }';
const ROOT_CAUSE = 'mutation ($input: RecordRootCauseInput!) { recordRootCause(input: $input) { id } }';
const PARTNER_CAUSED = 'mutation ($input: MarkPartnerCausedInput!) { markPartnerCaused(input: $input) { id } }';
const PARTNER_REQUEST = 'mutation ($input: OpenPartnerRequestInput!) { openPartnerRequest(input: $input) { id } }';
const PARTNER_STATUS = 'mutation ($input: PartnerStatusInput!) { recordPartnerStatus(input: $input) { id } }';
const VERIFY_ENTITLEMENT =
  'mutation ($input: VerifyPartnerEntitlementInput!) { verifyPartnerEntitlement(input: $input) { entitled termEndsOn } }';
const PUBLISH_ARTICLE = 'mutation ($input: PublishArticleInput!) { publishKnowledgeArticle(input: $input) { id } }';
const REGISTER_WEBHOOK = 'mutation ($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { secret } }';

const TABLES = [
  'incident',
  'incident_audit_entry',
  'partner_incident_request',
  'partner_status_update',
  'partner_entitlement_check',
  'knowledge_article',
  'knowledge_article_product',
  'webhook_endpoint',
  'outbox_event',
];

describe('incident inputs are bounded by their columns and the domain', () => {
  let db: TestDatabase;
  let schema: GraphQLSchema;
  let incidentId: string;
  const world = new FakeWorld();
  const partner: Principal = { subject: 'partner-bounds', role: 'PARTNER', customerIds: [] };

  const action = (overrides: Record<string, unknown> = {}) => ({ incidentId, expectedVersion: 1, ...overrides });
  const article = (overrides: Record<string, unknown> = {}) => ({
    title: 'Echo on calls',
    body: 'Enable echo cancellation.',
    products: ['Studio X50'],
    tags: ['audio'],
    ...overrides,
  });
  const entitlement = (overrides: Record<string, unknown> = {}) => ({ incidentId, partner: 'ZOOM', entitled: true, ...overrides });

  const expectRefused = (mutation: string, input: Record<string, unknown>, field: string, principal?: Principal) =>
    expectRefusedInput({ schema, dataSource: db.dataSource, tables: TABLES }, mutation, { input }, field, principal);

  beforeAll(async () => {
    db = await createTestDatabase('incidents_bounds', incidentsSubgraph.database);
    const clock = () => new Date('2026-03-02T10:00:00Z');
    ({ schema } = await createIncidentsSubgraph({ devices: world.devicesClient, customers: world.customersClient, now: clock }).build(
      db.dataSource,
    ));
    const device = world.device(world.site());
    const opened = await operationData<{ openIncident: { id: string } }>(schema, OPEN, {
      input: {
        contactId: world.designatedContact(device.customerId),
        deviceId: device.id,
        severity: 2,
        channel: 'PHONE',
        summary: 'Camera freezes',
      },
    });
    incidentId = opened.openIncident.id;
  }, 120_000);
  afterAll(() => db.drop(), 60_000);

  // Each of these passed validation, then failed in the database (a masked "Internal server error") or stored an impossible or blank value.
  const passedValidation: BoundsCase[] = [
    [
      'an article body of 60,000 two-byte characters (beyond the 65,535-byte column) is refused',
      PUBLISH_ARTICLE,
      () => article({ body: 'é'.repeat(60_000) }),
      'body',
    ],
    [
      'an article naming one product twice in different case (one row per product) is refused',
      PUBLISH_ARTICLE,
      () => article({ products: ['Studio X50', 'studio x50'] }),
      'products',
    ],
    [
      'a partner term ending at a time of day (not a date) is refused',
      VERIFY_ENTITLEMENT,
      () => entitlement({ termEndsOn: '2026-12-31T10:00:00Z' }),
      'termEndsOn',
    ],
    [
      'a case summary of spaces is refused',
      OPEN,
      () => ({ contactId: randomUUID(), deviceId: randomUUID(), severity: 3, channel: 'PHONE', summary: '   ' }),
      'summary',
    ],
    ['a resolution of spaces is refused', RESOLVE, () => action({ resolution: '   ' }), 'resolution'],
    ['an article title of spaces is refused', PUBLISH_ARTICLE, () => article({ title: '   ' }), 'title'],
    ['a blank article tag is refused', PUBLISH_ARTICLE, () => article({ tags: ['  '] }), 'tags'],
  ];

  it.each(passedValidation)('%s, as BAD_USER_INPUT naming the field, and nothing is written', async (_rule, mutation, input, field) => {
    await expectRefused(mutation, input(), field);
  });

  // A representative over-long, out-of-range or impossible value for every incidents input type.
  const everyInputType: BoundsCase[] = [
    [
      'a case summary longer than 500 characters',
      OPEN,
      () => ({ contactId: randomUUID(), deviceId: randomUUID(), severity: 2, channel: 'PHONE', summary: 's'.repeat(501) }),
      'summary',
    ],
    [
      'a case severity of 4',
      OPEN,
      () => ({ contactId: randomUUID(), deviceId: randomUUID(), severity: 4, channel: 'PHONE', summary: 'Severity four' }),
      'severity',
    ],
    ['an action note longer than 2,000 characters', RESPOND, () => action({ note: 'n'.repeat(2_001) }), 'note'],
    [
      'a fix release longer than 50 characters',
      WORKAROUND,
      () => action({ workaround: 'Disable HDR', fixExpectedInRelease: '4'.repeat(51) }),
      'fixExpectedInRelease',
    ],
    ['a resolution longer than 5,000 characters', RESOLVE, () => action({ resolution: 'r'.repeat(5_001) }), 'resolution'],
    [
      'a root-cause reference longer than 100 characters',
      ROOT_CAUSE,
      () => action({ kind: 'KNOWN_ISSUE', reference: 'k'.repeat(101) }),
      'reference',
    ],
    ['partner findings of 10,000 characters', PARTNER_CAUSED, () => action({ partner: 'ZOOM', findings: 'f'.repeat(10_000) }), 'findings'],
    [
      'a partner tracking number of 10,000 characters',
      PARTNER_REQUEST,
      () => ({ incidentId, trackingNumber: 't'.repeat(10_000) }),
      'trackingNumber',
    ],
    [
      'a partner status longer than 200 characters',
      PARTNER_STATUS,
      () => ({ requestId: randomUUID(), partnerStatus: 'p'.repeat(201) }),
      'partnerStatus',
    ],
    ['a partner term ending in year 0000', VERIFY_ENTITLEMENT, () => entitlement({ termEndsOn: '0000-01-01' }), 'termEndsOn'],
    ['a partner term ending on 30 February', VERIFY_ENTITLEMENT, () => entitlement({ termEndsOn: '2026-02-30' }), 'termEndsOn'],
    ['a partner term ending in month 13', VERIFY_ENTITLEMENT, () => entitlement({ termEndsOn: '2026-13-01' }), 'termEndsOn'],
    [
      'an article with more than 50 products',
      PUBLISH_ARTICLE,
      () => article({ products: Array.from({ length: 51 }, (_, i) => `Model ${i}`) }),
      'products',
    ],
    ['an article product longer than 60 characters', PUBLISH_ARTICLE, () => article({ products: ['m'.repeat(61)] }), 'products'],
    [
      'a webhook event type of 10,000 characters',
      REGISTER_WEBHOOK,
      () => ({ url: 'https://93.184.216.34/hook', eventTypes: ['e'.repeat(10_000)] }),
      'eventTypes',
    ],
  ];

  it.each(everyInputType)('%s is BAD_USER_INPUT naming the field, and nothing is written', async (_rule, mutation, input, field) => {
    await expectRefused(mutation, input(), field, mutation === REGISTER_WEBHOOK ? partner : undefined);
  });

  it('the most the bounds allow is stored: an article body of 65,535 bytes, 50 distinct products of 60 characters', async () => {
    const body = `${'é'.repeat(32_767)}x`;
    expect(Buffer.byteLength(body)).toBe(65_535);
    const products = Array.from({ length: 50 }, (_, i) => `${String(i).padStart(2, '0')}${'m'.repeat(58)}`);
    const published = await executeOperation<{ publishKnowledgeArticle: { id: string } }>(schema, PUBLISH_ARTICLE, {
      input: article({ body, products }),
    });
    expect(published.errors).toBeUndefined();
    const [{ bytes }] = await db.dataSource.query('SELECT LENGTH(`body`) AS bytes FROM `knowledge_article` WHERE `id` = ?', [
      published.data?.publishKnowledgeArticle.id,
    ]);
    expect(Number(bytes)).toBe(65_535);
  });
});
