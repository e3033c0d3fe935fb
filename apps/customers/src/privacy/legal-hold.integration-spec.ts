import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import type { Principal } from '@polyplus/auth';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { executeOperation } from '@polyplus/testing';
import { createCustomersSubgraph, customersSubgraph } from '../customers-subgraph';
import { FakeDevices } from '../testing/fake-devices';

const SET =
  'mutation ($customerId: ID!, $hold: Boolean!, $reason: String!) { setLegalHold(customerId: $customerId, hold: $hold, reason: $reason) { customerId reason setBy } }';
const HELD = 'query ($ids: [ID!]!) { customersUnderLegalHold(customerIds: $ids) }';

describe('legal holds on customers', () => {
  let db: TestDatabase;
  let schema: GraphQLSchema;
  const staff: Principal = { subject: 'tsr.ana', role: 'SUPPORT_ENGINEER', customerIds: [] };
  const as = (principal: Principal, query: string, variables: Record<string, unknown>) =>
    executeOperation(schema, query, variables, principal);

  beforeAll(async () => {
    db = await createTestDatabase('customers_legal_hold', customersSubgraph.database);
    ({ schema } = await createCustomersSubgraph({ devices: new FakeDevices().directory }).build(db.dataSource));
  }, 180_000);
  afterAll(() => db?.drop(), 60_000);

  const customer = async () => {
    const result = await as(staff, 'mutation { createCustomer(input: { name: "Fabrikam" }) { id } }', {});
    return (result.data as { createCustomer: { id: string } }).createCustomer.id;
  };

  it('support staff set and release a hold with a reason; services see which customers are held; each change is audited by id only', async () => {
    const [held, free] = [await customer(), await customer()];
    const set = await as(staff, SET, { customerId: held, hold: true, reason: 'Litigation hold 2026-114' });
    expect(set.errors).toBeUndefined();
    expect(set.data).toEqual({ setLegalHold: { customerId: held, reason: 'Litigation hold 2026-114', setBy: 'SUPPORT_ENGINEER:tsr.ana' } });
    const service: Principal = { subject: 'service:incidents', role: 'SERVICE', customerIds: [] };
    expect((await as(service, HELD, { ids: [held, free] })).data).toEqual({ customersUnderLegalHold: [held] });
    expect((await as(staff, SET, { customerId: held, hold: false, reason: 'Case settled' })).data).toEqual({ setLegalHold: null });
    expect((await as(service, HELD, { ids: [held, free] })).data).toEqual({ customersUnderLegalHold: [] });
    const audit = await db.dataSource.query(
      'SELECT `actor`, `action`, `reason` FROM `privacy_audit_entry` WHERE `customerId` = ? ORDER BY `sequence`',
      [held],
    );
    expect(audit).toEqual([
      { actor: 'SUPPORT_ENGINEER:tsr.ana', action: 'LEGAL_HOLD_SET', reason: 'Litigation hold 2026-114' },
      { actor: 'SUPPORT_ENGINEER:tsr.ana', action: 'LEGAL_HOLD_RELEASED', reason: 'Case settled' },
    ]);
  });

  it('customers, partners and planners cannot set a hold; a blank or 501-character reason is BAD_USER_INPUT; an unknown customer NOT_FOUND', async () => {
    const id = await customer();
    for (const principal of [
      { subject: 'admin', role: 'CUSTOMER_ADMIN', customerIds: [id] },
      { subject: 'partner', role: 'PARTNER', customerIds: [id] },
      { subject: 'planner', role: 'DISPATCH_PLANNER', customerIds: [] },
    ] as Principal[]) {
      expect((await as(principal, SET, { customerId: id, hold: true, reason: 'x' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await as(staff, SET, { customerId: id, hold: true, reason: '  ' })).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
    expect((await as(staff, SET, { customerId: id, hold: true, reason: 'x'.repeat(501) })).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'reason',
    });
    expect((await as(staff, SET, { customerId: randomUUID(), hold: true, reason: 'x' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await db.dataSource.query('SELECT * FROM `customer_legal_hold` WHERE `customerId` = ?', [id])).toEqual([]);
  });
});
