import { getNamedType, isListType, isNonNullType, type GraphQLInputType } from 'graphql';
import { graphqlData, graphqlRequest, type GraphQLResult } from '@polyplus/local-stack';
import { quiescentFingerprint } from '@polyplus/testing';
import { anonymousPrincipal, type Principal, type Role } from '@polyplus/auth';
import { startE2eStack, type E2eStack } from './support/e2e-stack';
import { createTenant, customerSidePrincipals, type Tenant } from './support/tenants';
import { loadSupergraph, rootOperations, sampleVariables, type RootOperation, type ValuePicker } from './support/supergraph-operations';

// Generated from the composed supergraph: every root field and its @access roles, no hand list.
const operations = rootOperations(loadSupergraph());
const mutations = operations.filter((operation) => operation.kind === 'mutation');
const customerQueries = operations.filter((operation) => operation.kind === 'query' && operation.roles.some(isCustomerSide));

function isCustomerSide(role: Role): boolean {
  return role === 'CUSTOMER_ADMIN' || role === 'CUSTOMER_TECHNICIAN' || role === 'PARTNER';
}

let stack: E2eStack;
let a: Tenant;
let b: Tenant;
let callers: Principal[];
let before: Record<string, string>;

beforeAll(async () => {
  stack = await startE2eStack('e2e_access', {
    RATE_LIMIT_PER_MINUTE: '0',
    RATE_LIMIT_STAFF_PER_MINUTE: '0',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0',
  });
  a = await createTenant(stack, 'Access Tenant A', 'ACCESS-A-01');
  b = await createTenant(stack, 'Access Tenant B', 'ACCESS-B-01');
  // The anonymous caller sends no token at all.
  callers = [
    ...customerSidePrincipals(a),
    { subject: 'engineer-1', role: 'SUPPORT_ENGINEER', customerIds: [] },
    { subject: 'planner-1', role: 'DISPATCH_PLANNER', customerIds: [] },
    anonymousPrincipal(),
  ];
  before = await quiescentFingerprint(stack.prefix);
}, 240_000);

afterAll(() => stack?.teardown(), 60_000);

/** The tenant's own ids for arguments and input fields named after what they identify. */
function tenantValues(tenant: Tenant, returnType: string): ValuePicker {
  const byEntity: Record<string, string> = {
    Customer: tenant.customerId,
    Site: tenant.siteId,
    Contact: tenant.contactId,
    Device: tenant.deviceId,
    Incident: tenant.incidentId,
  };
  const idOf = (name: string, parentType?: string): string | undefined => {
    if (name === 'id' || name === 'ids') return byEntity[parentType ?? returnType];
    const entity = name.replace(/Ids?$/, '');
    return byEntity[entity.charAt(0).toUpperCase() + entity.slice(1)];
  };
  return (name: string, type: GraphQLInputType, parentType?: string) => {
    if (name === 'serialNumber' && getNamedType(type).name === 'String') return tenant.serial;
    if (getNamedType(type).name !== 'ID') return undefined;
    const id = idOf(name, parentType);
    if (id === undefined) return undefined;
    const list = isListType(isNonNullType(type) ? type.ofType : type);
    return list ? [id] : id;
  };
}

const returnTypeOf = (operation: RootOperation) => getNamedType(operation.field.type).name;
const codesOf = (result: GraphQLResult<unknown>) => (result.errors ?? []).map((error) => error.extensions?.code);

describe('every mutation of the supergraph is refused to every role its access policy does not name, and writes nothing', () => {
  it('the supergraph states an access policy for every root field', () => {
    expect(operations.filter((operation) => operation.roles.length === 0).map((operation) => operation.name)).toEqual([]);
  });

  it.each(mutations.map((operation) => [operation.name, operation] as const))('%s', async (_name, operation) => {
    const variables = sampleVariables(operation.field.args, tenantValues(a, returnTypeOf(operation)));
    for (const caller of callers.filter((principal) => !operation.roles.includes(principal.role))) {
      const result = await graphqlRequest(
        caller.role === 'PUBLIC' ? stack.gatewayUrl : await stack.as(caller),
        operation.document,
        variables,
      );
      expect({ role: caller.role, codes: codesOf(result), data: result.data?.[operation.name as never] ?? null }).toEqual({
        role: caller.role,
        codes: ['FORBIDDEN'],
        data: null,
      });
    }
  });

  it('no refused call wrote anything, in any table of any subgraph', async () => {
    expect(await quiescentFingerprint(stack.prefix)).toEqual(before);
  });
});

describe('every query open to customers, called with another customer’s ids by each customer-side role, returns nothing of that customer', () => {
  const bValues = () => [b.customerId, b.siteId, b.contactId, b.deviceId, b.incidentId, b.serial, b.name];

  it.each(customerQueries.map((operation) => [operation.name, operation] as const))('%s', async (_name, operation) => {
    const variables = sampleVariables(operation.field.args, tenantValues(b, returnTypeOf(operation)));
    const sent = JSON.stringify(variables);
    const namesOtherCustomer = bValues().some((value) => sent.includes(value));
    // Errors may echo what the caller sent (`Device <id> was not found`); anything else of B is a leak.
    const unsent = bValues().filter((value) => !sent.includes(value));
    for (const caller of customerSidePrincipals(a).filter((principal) => operation.roles.includes(principal.role))) {
      const result = await graphqlRequest(await stack.as(caller), operation.document, variables);
      const answer = JSON.stringify(result);
      for (const value of unsent)
        expect({ role: caller.role, leaked: answer.includes(value) ? value : null }).toEqual({ role: caller.role, leaked: null });
      expect(codesOf(result).filter((code) => !['FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT'].includes(code as string))).toEqual([]);
      if (namesOtherCustomer) {
        const data = result.data?.[operation.name as never] as unknown;
        expect({ role: caller.role, data: Array.isArray(data) && data.length === 0 ? null : (data ?? null) }).toEqual({
          role: caller.role,
          data: null,
        });
      }
    }
  });

  it('the same queries with a customer’s own ids do answer (the sweep is not refusing everything)', async () => {
    const { incident } = await graphqlData<{ incident: { id: string } }>(a.admin, 'query ($id: ID!) { incident(id: $id) { id } }', {
      id: a.incidentId,
    });
    expect(incident.id).toBe(a.incidentId);
    const { device } = await graphqlData<{ device: { serialNumber: string } }>(
      a.admin,
      'query ($id: ID!) { device(id: $id) { serialNumber } }',
      { id: a.deviceId },
    );
    expect(device.serialNumber).toBe(a.serial);
  });
});

describe('customer master data is changed only by the customer’s admin and vendor staff', () => {
  const tryAs = async (principal: Principal, document: string, input: Record<string, unknown>) =>
    codesOf(await graphqlRequest(await stack.as(principal), document, { input }));

  it('a partner authorised by a customer cannot create its sites, contacts, devices or serial lists', async () => {
    const partner = customerSidePrincipals(a)[2];
    expect(
      await tryAs(partner, 'mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }', {
        customerId: a.customerId,
        name: 'Partner site',
        countryCode: 'GB',
        timeZone: 'Europe/London',
      }),
    ).toEqual(['FORBIDDEN']);
    expect(
      await tryAs(partner, 'mutation ($input: AddContactInput!) { addContact(input: $input) { id } }', {
        customerId: a.customerId,
        email: 'partner@evil.example',
        name: 'Partner',
        role: 'TECHNICIAN',
        designated: true,
      }),
    ).toEqual(['FORBIDDEN']);
    expect(
      await tryAs(partner, 'mutation ($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }', {
        customerId: a.customerId,
        siteId: a.siteId,
        serialNumber: 'PARTNER-01',
        productModel: 'Studio X50',
      }),
    ).toEqual(['FORBIDDEN']);
  });

  it('a customer technician cannot add a designated contact; the customer admin can', async () => {
    const [admin, technician] = customerSidePrincipals(a);
    const contact = {
      customerId: a.customerId,
      email: 'new-tech@access-a.example',
      name: 'New Tech',
      role: 'TECHNICIAN',
      designated: true,
    };
    expect(await tryAs(technician, 'mutation ($input: AddContactInput!) { addContact(input: $input) { id } }', contact)).toEqual([
      'FORBIDDEN',
    ]);
    expect(await tryAs(admin, 'mutation ($input: AddContactInput!) { addContact(input: $input) { id } }', contact)).toEqual([]);
  });

  it('a customer admin may change the designation of its own contacts only', async () => {
    const document = 'mutation ($id: ID!) { setContactDesignation(contactId: $id, designated: false) { id designated } }';
    expect(codesOf(await graphqlRequest(a.admin, document, { id: b.contactId }))).toEqual(['NOT_FOUND']);
    expect(
      (await graphqlData<{ setContactDesignation: { designated: boolean } }>(a.admin, document, { id: a.contactId })).setContactDesignation
        .designated,
    ).toBe(false);
  });

  it('customers do not read escalations, the vendor’s internal notifications', async () => {
    const result = await graphqlRequest(a.admin, 'query ($id: ID!) { incident(id: $id) { id escalations { level } } }', {
      id: a.incidentId,
    });
    expect(codesOf(result)).toContain('FORBIDDEN');
    const staff = await graphqlData<{ incident: { escalations: unknown[] } }>(
      stack.gateway,
      'query ($id: ID!) { incident(id: $id) { escalations { level } } }',
      { id: a.incidentId },
    );
    expect(staff.incident.escalations).toEqual([]);
  });
});
