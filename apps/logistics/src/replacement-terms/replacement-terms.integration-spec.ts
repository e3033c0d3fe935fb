import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { anonymousPrincipal } from '@polyplus/auth';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { executeOperation, operationData } from '@polyplus/testing';
import { logisticsSubgraph } from '../logistics-subgraph';
import { CatalogService } from '../catalog/catalog.service';
import { ReplacementOrderService } from '../replacement-order/replacement-order.service';
import { fakeDirectory, seedCatalog, type FakeSite } from '../testing/logistics-fixture';
import { ReplacementTermsService } from './replacement-terms.service';

const LONDON: FakeSite = { countryCode: 'GB', timeZone: 'Europe/London' };
const ZURICH: FakeSite = { countryCode: 'CH', timeZone: 'Europe/Zurich' };
const GLASGOW: FakeSite = { countryCode: 'GB', subdivision: 'SCT', timeZone: 'Europe/London' };
const TERMS = `query ($countryCode: String!, $at: DateTimeISO, $timeZone: String, $subdivision: String) {
  replacementTerms(countryCode: $countryCode, at: $at, timeZone: $timeZone, subdivision: $subdivision) {
    countryCode countryName subdivision deliveryBusinessDays customsDelayBusinessDays customerIsImporterOfRecord notes
    depots { priority cutoffLocalTime timeZone cutoffDescription depot { code } upcomingClosures { date name } example { shipDate deliveryDate } }
    upcomingDestinationClosures { date name kind }
    example { orderedAt shipsSameDay shipDate deliveryDate expectedDeliveryAt timeZone }
  }
}`;

type Example = {
  orderedAt: string;
  shipsSameDay: boolean;
  shipDate: string;
  deliveryDate: string;
  expectedDeliveryAt: string;
  timeZone: string;
};
type Terms = {
  countryCode: string;
  countryName: string;
  subdivision: string | null;
  deliveryBusinessDays: number;
  customsDelayBusinessDays: number;
  customerIsImporterOfRecord: boolean;
  notes: string[];
  depots: {
    priority: number;
    cutoffLocalTime: string;
    timeZone: string;
    cutoffDescription: string;
    depot: { code: string };
    example: { shipDate: string; deliveryDate: string };
  }[];
  upcomingDestinationClosures: { date: string; name: string; kind: string }[];
  example: Example;
};

describe('published advance-replacement terms ("Poly will publish a list of location-specific advance parts replacement timeframes and shipping terms")', () => {
  let db: TestDatabase;
  let schema: GraphQLSchema;

  const publicTerms = async (countryCode: string, at: string, timeZone?: string, subdivision?: string | null) =>
    (
      await operationData<{ replacementTerms: Terms | null }>(
        schema,
        TERMS,
        { countryCode, at, timeZone, subdivision },
        anonymousPrincipal(),
      )
    ).replacementTerms;
  const orderAt = (at: string, site: FakeSite) =>
    new ReplacementOrderService(db.dataSource, fakeDirectory(site).directory, () => new Date(at)).order({
      incidentId: randomUUID(),
      partNumber: '2215-61234',
      quantity: 1,
    });

  beforeAll(async () => {
    db = await createTestDatabase('logistics_terms', logisticsSubgraph.database);
    ({ schema } = await logisticsSubgraph.build(db.dataSource));
    const catalog = new CatalogService(db.dataSource);
    await seedCatalog(catalog);
    // A second depot for GB: the terms name it as the fallback.
    await catalog.createDepot({ code: 'DUB', countryCode: 'IE', timeZone: 'Europe/Dublin', cutoff: '14:00', servesCountries: ['GB'] });
  }, 120_000);
  afterAll(() => db.drop(), 60_000);

  it.each([
    ['an order on Friday after the cut-off (ships Monday, delivered Tuesday)', '2026-03-06T15:30:00Z', LONDON],
    ['an order before the cut-off on a weekday', '2026-03-03T14:59:00Z', LONDON],
    ['a depot holiday (the early May bank holiday in England)', '2026-05-01T16:00:00+01:00', LONDON],
    ['a country with a customs delay and the customer as importer of record', '2026-03-03T10:00:00Z', ZURICH],
    ['a customs-delay country ordered on Friday after the cut-off', '2026-03-06T16:00:00+01:00', ZURICH],
    ['a site with a regional holiday (2 January in Scotland)', '2025-12-31T10:00:00Z', GLASGOW],
  ])('the published terms equal what a real order placed at the same instant gets: %s', async (_case, at, site) => {
    const terms = (await publicTerms(site.countryCode, at, site.timeZone, site.subdivision)) as Terms;
    const order = await orderAt(at, site);
    expect(terms.example).toEqual({
      orderedAt: new Date(at).toISOString(),
      shipsSameDay: expect.any(Boolean),
      shipDate: order.shipDate,
      deliveryDate: order.expectedDelivery,
      expectedDeliveryAt: order.expectedDeliveryAt?.toISOString(),
      timeZone: site.timeZone,
    });
    expect(terms.customerIsImporterOfRecord).toBe(order.customerIsImporterOfRecord);
    expect(terms.depots[0].depot.code).toBe(site.countryCode === 'GB' ? 'LHR' : 'FRA');
  });

  it('a Friday order after the cut-off ships on Monday and arrives on Tuesday, as published', async () => {
    const terms = (await publicTerms('GB', '2026-03-06T15:30:00Z')) as Terms;
    expect(terms.example).toMatchObject({
      shipsSameDay: false,
      shipDate: '2026-03-09',
      deliveryDate: '2026-03-10',
      timeZone: 'Europe/London',
    });
    expect(terms.depots[0]).toMatchObject({
      priority: 1,
      cutoffLocalTime: '15:00',
      timeZone: 'Europe/London',
      cutoffDescription: '15:00 Europe/London time, Mon–Fri except depot holidays',
    });
  });

  it('delivery takes 1 business day plus the customs delay; the country’s importer-of-record rule and exceptions are stated', async () => {
    const switzerland = (await publicTerms('CH', '2026-03-03T10:00:00Z')) as Terms;
    expect(switzerland).toMatchObject({
      countryCode: 'CH',
      countryName: 'Switzerland',
      deliveryBusinessDays: 3,
      customsDelayBusinessDays: 2,
      customerIsImporterOfRecord: true,
    });
    expect(switzerland.example).toMatchObject({ shipsSameDay: true, shipDate: '2026-03-03', deliveryDate: '2026-03-06' });
    expect(switzerland.notes).toEqual(
      expect.arrayContaining([
        'Customs clearance into Switzerland usually adds 2 business days to delivery.',
        'The customer acts as importer of record for deliveries into Switzerland.',
      ]),
    );
    const britain = (await publicTerms('GB', '2026-03-03T10:00:00Z')) as Terms;
    expect(britain).toMatchObject({ deliveryBusinessDays: 1, customsDelayBusinessDays: 0, customerIsImporterOfRecord: false });
    expect(britain.depots.map((depot) => [depot.priority, depot.depot.code, depot.cutoffLocalTime])).toEqual([
      [1, 'LHR', '15:00'],
      [2, 'DUB', '14:00'],
    ]);
    expect(britain.notes).toContain(
      'When LHR does not have a part in stock, it ships from DUB (Ireland), cut-off 14:00 Europe/Dublin time.',
    );
  });

  it('location-specific notes staff publish with the shipping terms appear in the terms, and setting the terms again without notes keeps them', async () => {
    const set = 'mutation ($input: SetShippingTermsInput!) { setShippingTerms(input: $input) { notes } }';
    await operationData(schema, set, {
      input: {
        countryCode: 'GB',
        customsDelayBusinessDays: 0,
        customerIsImporterOfRecord: false,
        notes: 'Scottish Highlands and islands: one extra business day.',
      },
    });
    await operationData(schema, set, { input: { countryCode: 'GB', customsDelayBusinessDays: 0, customerIsImporterOfRecord: false } });
    expect(((await publicTerms('GB', '2026-03-03T10:00:00Z')) as Terms).notes).toContain(
      'Scottish Highlands and islands: one extra business day.',
    );
  });

  it.each([
    ['of 501 characters', 'x'.repeat(501)],
    ['of spaces only', '   '],
  ])('shipping-terms notes %s are BAD_USER_INPUT naming notes, and nothing is written', async (_case, notes) => {
    const before = await db.dataSource.query('SELECT * FROM shipping_terms ORDER BY countryCode');
    const result = await executeOperation(
      schema,
      'mutation ($input: SetShippingTermsInput!) { setShippingTerms(input: $input) { notes } }',
      {
        input: { countryCode: 'FR', customsDelayBusinessDays: 0, customerIsImporterOfRecord: false, notes },
      },
    );
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((result.errors?.[0].extensions?.fields as { field: string }[]).map((problem) => problem.field)).toEqual(['notes']);
    expect(await db.dataSource.query('SELECT * FROM shipping_terms ORDER BY countryCode')).toEqual(before);
  });

  it('every country a depot serves is published, by country code', async () => {
    const { publishedReplacementTerms } = await operationData<{
      publishedReplacementTerms: { countryCode: string; depots: { depot: { code: string } }[] }[];
    }>(schema, '{ publishedReplacementTerms { countryCode depots { depot { code } } } }', {}, anonymousPrincipal());
    expect(publishedReplacementTerms.map((terms) => [terms.countryCode, terms.depots.map((depot) => depot.depot.code)])).toEqual([
      ['CH', ['FRA']],
      ['DE', ['FRA']],
      ['GB', ['LHR', 'DUB']],
    ]);
  });

  it('terms asked for a subdivision include its regional holidays; one the holiday data does not know gives the country’s terms', async () => {
    const scotland = (await publicTerms('GB', '2025-12-31T10:00:00Z', undefined, 'SCT')) as Terms;
    expect(scotland).toMatchObject({ subdivision: 'SCT', example: { shipDate: '2025-12-31', deliveryDate: '2026-01-05' } });
    expect(scotland.upcomingDestinationClosures.map((closure) => closure.date)).toEqual(['2026-01-01', '2026-01-02', '2026-04-03']);
    const unknown = (await publicTerms('GB', '2025-12-31T10:00:00Z', undefined, 'ZZZ')) as Terms;
    expect(unknown).toMatchObject({ subdivision: null, example: { deliveryDate: '2026-01-02' } });
    expect(unknown.upcomingDestinationClosures).toEqual(
      ((await publicTerms('GB', '2025-12-31T10:00:00Z')) as Terms).upcomingDestinationClosures,
    );
  });

  it('a country no depot serves has no terms (null)', async () => {
    expect(await publicTerms('JP', '2026-03-03T10:00:00Z')).toBeNull();
  });

  it.each([
    ['a country code that is not two capital letters', { countryCode: 'gbr' }, 'countryCode'],
    ['a country code that names no country', { countryCode: 'ZZ' }, 'countryCode'],
    ['a time zone of another country', { countryCode: 'GB', timeZone: 'Europe/Berlin' }, 'timeZone'],
    ['a time zone of 10,000 characters', { countryCode: 'GB', timeZone: 'x'.repeat(10_000) }, 'timeZone'],
    ['a subdivision that is not an ISO 3166-2 code', { countryCode: 'GB', subdivision: 'Scotland' }, 'subdivision'],
  ])('%s is BAD_USER_INPUT naming the argument', async (_case, variables, field) => {
    const result = await executeOperation(schema, TERMS, variables, anonymousPrincipal());
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('an example instant in year 0000 is BAD_USER_INPUT naming at', async () => {
    const result = await executeOperation(schema, TERMS, { countryCode: 'GB', at: '0000-01-01T00:00:00Z' }, anonymousPrincipal());
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result.errors?.[0].extensions)).toContain('at');
  });

  it('the terms are computed with the same clock as orders: without an instant, now', async () => {
    const at = new Date('2026-03-04T09:00:00Z');
    const terms = await new ReplacementTermsService(db.dataSource, () => at).forCountry('GB');
    expect(terms?.example.orderedAt).toEqual(at);
    expect(terms?.example.shipDate).toBe('2026-03-04');
  });
});
