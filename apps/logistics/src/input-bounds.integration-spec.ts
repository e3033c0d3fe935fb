import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { executeOperation, expectRefusedInput, type BoundsCase } from '@polyplus/testing';
import { logisticsSubgraph } from './logistics-subgraph';
import { CatalogService } from './catalog/catalog.service';
import { ReplacementOrderService } from './replacement-order/replacement-order.service';
import { ShipmentService } from './shipment/shipment.service';
import { ReturnsService } from './returns/returns.service';
import { fakeDirectory, seedCatalog } from './testing/logistics-fixture';

const CREATE_PART = 'mutation ($input: CreatePartInput!) { createPart(input: $input) { id } }';
const CREATE_PRICE_BOOK = 'mutation ($input: CreatePriceBookInput!) { createPriceBook(input: $input) { id } }';
const CREATE_DEPOT = 'mutation ($input: CreateDepotInput!) { createDepot(input: $input) { id } }';
const SET_STOCK = 'mutation ($input: SetStockInput!) { setStock(input: $input) }';
const SET_SHIPPING_TERMS = 'mutation ($input: SetShippingTermsInput!) { setShippingTerms(input: $input) { countryCode } }';
const ORDER_REPLACEMENT = 'mutation ($input: OrderReplacementInput!) { orderReplacement(input: $input) { id } }';
const SHIP = 'mutation ($input: ShipOrderInput!) { shipReplacement(input: $input) { id } }';
const TRACK = 'mutation ($input: RecordTrackingEventInput!) { recordTrackingEvent(input: $input) { id } }';

const TABLES = [
  'part',
  'price_book',
  'price_book_entry',
  'depot',
  'depot_coverage',
  'depot_stock',
  'shipping_terms',
  'replacement_order',
  'shipment',
  'shipment_event',
];
const LONG = 'x'.repeat(10_000);
const PART = '2215-61234';

describe('logistics inputs are bounded by their columns and the domain', () => {
  let db: TestDatabase;
  let schema: GraphQLSchema;
  let depotId: string;
  let tracking: { carrier: string; trackingNumber: string };
  let orderId: string;

  const priceBook = (overrides: Record<string, unknown> = {}) => ({
    name: 'Bounds list',
    currency: 'EUR',
    validFrom: '2027-01-01',
    prices: [{ partNumber: PART, listPrice: '10.00' }],
    ...overrides,
  });
  const depot = (overrides: Record<string, unknown> = {}) => ({
    code: `D-${randomUUID().slice(0, 8).toUpperCase()}`,
    countryCode: 'GB',
    timeZone: 'Europe/London',
    servesCountries: ['GB'],
    ...overrides,
  });
  const event = (overrides: Record<string, unknown> = {}) => ({
    ...tracking,
    status: 'PICKED_UP',
    at: '2026-03-03T17:00:00Z',
    ...overrides,
  });

  const expectRefused = (mutation: string, input: Record<string, unknown>, field: string) =>
    expectRefusedInput({ schema, dataSource: db.dataSource, tables: TABLES }, mutation, { input }, field);

  beforeAll(async () => {
    db = await createTestDatabase('logistics_bounds', logisticsSubgraph.database);
    ({ schema } = await logisticsSubgraph.build(db.dataSource));
    const catalog = new CatalogService(db.dataSource);
    depotId = (await seedCatalog(catalog)).london.id;
    const clock = () => new Date('2026-03-03T10:00:00Z');
    const order = await new ReplacementOrderService(
      db.dataSource,
      fakeDirectory({ countryCode: 'GB', timeZone: 'Europe/London' }).directory,
      clock,
    ).order({ incidentId: randomUUID(), partNumber: PART, quantity: 1 });
    tracking = { carrier: 'UPS', trackingNumber: '1ZBOUNDS0001' };
    await new ShipmentService(db.dataSource, new ReturnsService(db.dataSource), { schedule: async () => undefined }, clock).ship({
      orderId: order.id,
      ...tracking,
      partSerialNumber: 'PS-BOUNDS-1',
    });
    const open = await new ReplacementOrderService(
      db.dataSource,
      fakeDirectory({ countryCode: 'GB', timeZone: 'Europe/London' }).directory,
      clock,
    ).order({ incidentId: randomUUID(), partNumber: PART, quantity: 1 });
    orderId = open.id;
  }, 120_000);
  afterAll(() => db.drop(), 60_000);

  // Each of these passed validation, then failed in the database (a masked "Internal server error") or stored an impossible value.
  const reachedTheDatabase: BoundsCase[] = [
    [
      'a price book list price that is empty is refused (nested prices are validated)',
      CREATE_PRICE_BOOK,
      () => priceBook({ prices: [{ partNumber: PART, listPrice: '' }] }),
      'prices.0.listPrice',
    ],
    [
      'a price book list price of spaces is refused',
      CREATE_PRICE_BOOK,
      () => priceBook({ prices: [{ partNumber: PART, listPrice: '   ' }] }),
      'prices.0.listPrice',
    ],
    [
      'a price book list price of 10,000 characters is refused',
      CREATE_PRICE_BOOK,
      () => priceBook({ prices: [{ partNumber: PART, listPrice: '9'.repeat(10_000) }] }),
      'prices.0.listPrice',
    ],
    [
      'a price book list price beyond DECIMAL(12,2) is refused',
      CREATE_PRICE_BOOK,
      () => priceBook({ prices: [{ partNumber: PART, listPrice: '12345678901.00' }] }),
      'prices.0.listPrice',
    ],
    ['a price book valid from 30 February is refused', CREATE_PRICE_BOOK, () => priceBook({ validFrom: '2026-02-30' }), 'validFrom'],
    ['a price book valid from month 13 is refused', CREATE_PRICE_BOOK, () => priceBook({ validFrom: '2026-13-01' }), 'validFrom'],
    ['a price book valid to 29 February 2027 is refused', CREATE_PRICE_BOOK, () => priceBook({ validTo: '2027-02-29' }), 'validTo'],
    [
      'a customs delay of 2147483647 business days is refused',
      SET_SHIPPING_TERMS,
      () => ({ countryCode: 'NO', customsDelayBusinessDays: 2_147_483_647, customerIsImporterOfRecord: false }),
      'customsDelayBusinessDays',
    ],
    ['a depot serving the same country twice is refused', CREATE_DEPOT, () => depot({ servesCountries: ['GB', 'GB'] }), 'servesCountries'],
    ['a tracking event in year 0000 is refused', TRACK, () => event({ at: '0000-01-01T00:00:00Z' }), 'at'],
    ['a tracking ETA in year 0000 is refused', TRACK, () => event({ eta: '0000-01-01T00:00:00Z' }), 'eta'],
  ];

  it.each(reachedTheDatabase)('%s, as BAD_USER_INPUT naming the field, and nothing is written', async (_rule, mutation, input, field) => {
    await expectRefused(mutation, input(), field);
  });

  // A representative out-of-bounds value for every logistics input type.
  const everyInputType: BoundsCase[] = [
    [
      'a part name longer than 200 characters',
      CREATE_PART,
      () => ({ partNumber: '2215-BOUNDS', name: 'n'.repeat(201), productModel: 'Studio X50' }),
      'name',
    ],
    [
      'a part product model of spaces',
      CREATE_PART,
      () => ({ partNumber: '2215-BOUNDS', name: 'Grille', productModel: '   ' }),
      'productModel',
    ],
    ['a price book name of 10,000 characters', CREATE_PRICE_BOOK, () => priceBook({ name: LONG }), 'name'],
    [
      'a price book with more than 5,000 prices',
      CREATE_PRICE_BOOK,
      () => priceBook({ prices: Array.from({ length: 5_001 }, () => ({ partNumber: PART, listPrice: '1.00' })) }),
      'prices',
    ],
    [
      'a price with a part number of 10,000 characters',
      CREATE_PRICE_BOOK,
      () => priceBook({ prices: [{ partNumber: LONG, listPrice: '1.00' }] }),
      'prices.0.partNumber',
    ],
    ['a depot time zone longer than its column', CREATE_DEPOT, () => depot({ timeZone: `Europe/${'L'.repeat(64)}` }), 'timeZone'],
    ['a depot cut-off at 24:00', CREATE_DEPOT, () => depot({ cutoff: '24:00' }), 'cutoff'],
    [
      'a depot serving more countries than exist',
      CREATE_DEPOT,
      () => depot({ servesCountries: Array.from({ length: 300 }, (_, i) => String.fromCharCode(65 + (i % 26), 65 + Math.floor(i / 26))) }),
      'servesCountries',
    ],
    ['a stock quantity above 1,000,000', SET_STOCK, () => ({ depotId, partNumber: PART, quantity: 1_000_001 }), 'quantity'],
    [
      'a customs delay of 31 business days',
      SET_SHIPPING_TERMS,
      () => ({ countryCode: 'NO', customsDelayBusinessDays: 31, customerIsImporterOfRecord: false }),
      'customsDelayBusinessDays',
    ],
    ['a replacement quantity of 21', ORDER_REPLACEMENT, () => ({ incidentId: randomUUID(), partNumber: PART, quantity: 21 }), 'quantity'],
    [
      'a shipment tracking number of 10,000 characters',
      SHIP,
      () => ({ orderId, carrier: 'UPS', trackingNumber: LONG, partSerialNumber: 'PS-1' }),
      'trackingNumber',
    ],
    [
      'a shipment carrier of spaces',
      SHIP,
      () => ({ orderId, carrier: '   ', trackingNumber: '1ZSPACES', partSerialNumber: 'PS-1' }),
      'carrier',
    ],
    ['a tracking event carrier of 10,000 characters', TRACK, () => event({ carrier: LONG }), 'carrier'],
    ['a tracking event note longer than 300 characters', TRACK, () => event({ note: 'n'.repeat(301) }), 'note'],
    ['a tracking event in year 3000', TRACK, () => event({ at: '3000-01-01T00:00:00Z' }), 'at'],
  ];

  it.each(everyInputType)('%s is BAD_USER_INPUT naming the field, and nothing is written', async (_rule, mutation, input, field) => {
    await expectRefused(mutation, input(), field);
  });

  it('the largest values the bounds allow are stored: a 10-digit list price, 29 February of a leap year, 30 customs days', async () => {
    const book = await executeOperation(schema, CREATE_PRICE_BOOK, {
      input: priceBook({
        name: 'n'.repeat(100),
        validFrom: '2028-02-29',
        validTo: '2028-12-31',
        prices: [{ partNumber: PART, listPrice: '9999999999.99' }],
      }),
    });
    expect(book.errors).toBeUndefined();
    const [{ listPrice }] = await db.dataSource.query('SELECT `listPrice` FROM `price_book_entry` WHERE `priceBookId` = ?', [
      (book.data?.createPriceBook as { id: string }).id,
    ]);
    expect(listPrice).toBe('9999999999.99');
    const terms = await executeOperation(schema, SET_SHIPPING_TERMS, {
      input: { countryCode: 'NO', customsDelayBusinessDays: 30, customerIsImporterOfRecord: false },
    });
    expect(terms.errors).toBeUndefined();
    const stock = await executeOperation(schema, SET_STOCK, { input: { depotId, partNumber: PART, quantity: 1_000_000 } });
    expect(stock.data).toEqual({ setStock: 1_000_000 });
  });
});
