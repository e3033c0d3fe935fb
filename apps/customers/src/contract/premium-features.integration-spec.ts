import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { createTestDatabase, type TestDatabase } from '@polyplus/persistence';
import { executeOperation, operationData } from '@polyplus/testing';
import { createCustomersSubgraph, customersSubgraph } from '../customers-subgraph';
import { FakeDevices } from '../testing/fake-devices';

const CREATE_CONTRACT = 'mutation ($input: CreateContractInput!) { createContract(input: $input) { id premiumFeatures } }';
const SET_FEATURES =
  'mutation ($id: ID!, $features: [PremiumFeature!]!) { setContractPremiumFeatures(contractId: $id, premiumFeatures: $features) { premiumFeatures } }';

describe('premium features ("Poly Lens Features — select premium features not available for free in Poly Lens")', () => {
  let db: TestDatabase;
  let schema: GraphQLSchema;
  const devices = new FakeDevices();
  let customerId: string;
  const deviceId = randomUUID();
  let contractId: string;
  const contracts = async () => db.dataSource.query('SELECT id, premiumFeatures FROM contract ORDER BY id');

  beforeAll(async () => {
    db = await createTestDatabase('customers_premium', customersSubgraph.database);
    ({ schema } = await createCustomersSubgraph({ devices: devices.directory }).build(db.dataSource));
    ({
      createCustomer: { id: customerId },
    } = await operationData<{ createCustomer: { id: string } }>(schema, 'mutation { createCustomer(input: { name: "Lens Co" }) { id } }'));
    devices.own(customerId, deviceId);
    const { createContract } = await operationData<{ createContract: { id: string; premiumFeatures: string[] } }>(schema, CREATE_CONTRACT, {
      input: {
        customerId,
        reference: 'PP-LENS-01',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        premiumFeatures: ['FIRMWARE_SCHEDULING', 'REMOTE_MANAGEMENT'],
        deviceIds: [deviceId],
      },
    });
    contractId = createContract.id;
    expect(createContract.premiumFeatures).toEqual(['REMOTE_MANAGEMENT', 'FIRMWARE_SCHEDULING']);
  }, 120_000);
  afterAll(() => db.drop(), 60_000);

  it('a contract lists the premium features it entitles, and the device coverage devices derives entitlement from carries them', async () => {
    const { deviceCoverage } = await operationData<{ deviceCoverage: { periods: { reference: string; premiumFeatures: string[] }[] }[] }>(
      schema,
      'query ($ids: [ID!]!) { deviceCoverage(deviceIds: $ids) { periods { reference premiumFeatures } } }',
      { ids: [deviceId] },
    );
    expect(deviceCoverage).toEqual([
      { periods: [{ reference: 'PP-LENS-01', premiumFeatures: ['REMOTE_MANAGEMENT', 'FIRMWARE_SCHEDULING'] }] },
    ]);
  });

  it('support staff set a contract’s premium features; a contract without any entitles none', async () => {
    const { setContractPremiumFeatures } = await operationData<{ setContractPremiumFeatures: { premiumFeatures: string[] } }>(
      schema,
      SET_FEATURES,
      {
        id: contractId,
        features: ['ADVANCED_ANALYTICS', 'REMOTE_MANAGEMENT', 'PROVISIONING_TEMPLATES'],
      },
    );
    expect(setContractPremiumFeatures.premiumFeatures).toEqual(['REMOTE_MANAGEMENT', 'ADVANCED_ANALYTICS', 'PROVISIONING_TEMPLATES']);
    const { createContract } = await operationData<{ createContract: { premiumFeatures: string[] } }>(schema, CREATE_CONTRACT, {
      input: { customerId, reference: 'PP-LENS-02', startsOn: '2027-01-01', endsOn: '2027-12-31' },
    });
    expect(createContract.premiumFeatures).toEqual([]);
  });

  it('a feature named twice is BAD_USER_INPUT naming premiumFeatures, and nothing is written', async () => {
    const before = await contracts();
    const created = await executeOperation(schema, CREATE_CONTRACT, {
      input: {
        customerId,
        reference: 'PP-LENS-03',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        premiumFeatures: ['REMOTE_MANAGEMENT', 'REMOTE_MANAGEMENT'],
      },
    });
    expect(created.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'premiumFeatures' }] });
    const set = await executeOperation(schema, SET_FEATURES, { id: contractId, features: ['PROACTIVE_ALERTS', 'PROACTIVE_ALERTS'] });
    expect(set.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'premiumFeatures' });
    expect(await contracts()).toEqual(before);
  });

  it('customers cannot change premium features: FORBIDDEN, nothing written; an unknown contract is NOT_FOUND', async () => {
    const before = await contracts();
    const result = await executeOperation(
      schema,
      SET_FEATURES,
      { id: contractId, features: ['PROACTIVE_ALERTS'] },
      { subject: 'a1', role: 'CUSTOMER_ADMIN', customerIds: [customerId] },
    );
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await contracts()).toEqual(before);
    const unknown = await executeOperation(schema, SET_FEATURES, { id: randomUUID(), features: [] });
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
