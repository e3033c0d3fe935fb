import { graphql } from 'graphql';
import { Arg, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Principal } from '@polyplus/auth';
import { Access, CUSTOMER_SIDE, STAFF, SUPPORT, rootFieldsWithoutPolicy } from './access-policy';
import { buildFederatedSchema, type FederatedSchema } from './build-federated-schema';

@ObjectType()
class Widget {
  @Field(() => ID)
  id!: string;
}

@Resolver(() => Widget)
class WidgetResolver {
  @Access(STAFF, CUSTOMER_SIDE)
  @Query(() => [Widget])
  widgets(@Arg('customerId', () => ID) customerId: string): Widget[] {
    return [{ id: `w-${customerId}` }];
  }

  @Access('PUBLIC', STAFF, CUSTOMER_SIDE)
  @Query(() => [Widget], { description: 'Public: readable without signing in.' })
  publicWidgets(): Widget[] {
    return [{ id: 'w-public' }];
  }

  @Query(() => Boolean)
  forgotten(): boolean {
    return true;
  }

  @Access(SUPPORT, 'CUSTOMER_ADMIN')
  @Mutation(() => Boolean)
  renameWidget(@Arg('customerId', () => ID) _customerId: string): boolean {
    return true;
  }

  @Access(STAFF)
  @FieldResolver(() => String)
  internalNote(@Root() widget: Widget): string {
    return `note on ${widget.id}`;
  }
}

const engineer: Principal = { subject: 'e1', role: 'SUPPORT_ENGINEER', customerIds: [] };
const admin: Principal = { subject: 'a1', role: 'CUSTOMER_ADMIN', customerIds: ['c1'], contactId: 'k1' };
const technician: Principal = { subject: 't1', role: 'CUSTOMER_TECHNICIAN', customerIds: ['c1'], contactId: 'k2' };
const partner: Principal = { subject: 'p1', role: 'PARTNER', customerIds: ['c1'] };
const planner: Principal = { subject: 'd1', role: 'DISPATCH_PLANNER', customerIds: [] };
const anonymous: Principal = { subject: 'anonymous', role: 'PUBLIC', customerIds: [] };

describe('access policy', () => {
  let built: FederatedSchema;
  beforeAll(async () => {
    built = await buildFederatedSchema({ resolvers: [WidgetResolver], instances: [new WidgetResolver()], references: {} });
  }, 180_000);

  const run = async (source: string, principal?: Principal) => {
    const result = await graphql({ schema: built.schema, source, contextValue: principal ? { principal } : {} });
    return { data: result.data, codes: (result.errors ?? []).map((error) => error.extensions.code) };
  };

  it('a root field without a policy is refused for every caller, staff included', async () => {
    for (const principal of [engineer, admin, partner, planner])
      expect((await run('{ forgotten }', principal)).codes).toEqual(['FORBIDDEN']);
  });

  it('the schema walk names every root field left without a policy', () => {
    expect(rootFieldsWithoutPolicy(built.schema, built.accessPolicies)).toEqual(['Query.forgotten']);
  });

  it('a caller whose role the policy does not name is refused', async () => {
    expect((await run('mutation { renameWidget(customerId: "c1") }', technician)).codes).toEqual(['FORBIDDEN']);
    expect((await run('mutation { renameWidget(customerId: "c1") }', partner)).codes).toEqual(['FORBIDDEN']);
    expect((await run('mutation { renameWidget(customerId: "c1") }', planner)).codes).toEqual(['FORBIDDEN']);
    expect((await run('mutation { renameWidget(customerId: "c1") }', admin)).data).toEqual({ renameWidget: true });
  });

  it('a request without a verified principal is refused', async () => {
    expect((await run('{ widgets(customerId: "c1") { id } }')).codes).toEqual(['FORBIDDEN']);
  });

  it('a customer-side caller naming another customer is refused, on queries and mutations alike', async () => {
    expect((await run('{ widgets(customerId: "c2") { id } }', partner)).codes).toEqual(['FORBIDDEN']);
    expect((await run('mutation { renameWidget(customerId: "c2") }', admin)).codes).toEqual(['FORBIDDEN']);
    expect((await run('{ widgets(customerId: "c2") { id } }', engineer)).codes).toEqual([]);
  });

  it('an object field with a staff-only policy is refused to customers and readable by staff', async () => {
    expect((await run('{ widgets(customerId: "c1") { id internalNote } }', admin)).codes).toEqual(['FORBIDDEN']);
    expect((await run('{ widgets(customerId: "c1") { id internalNote } }', planner)).data).toEqual({
      widgets: [{ id: 'w-c1', internalNote: 'note on w-c1' }],
    });
  });

  it('an anonymous (PUBLIC) caller is answered only by root fields whose policy names PUBLIC; every other one is FORBIDDEN', async () => {
    expect(await run('{ publicWidgets { id } }', anonymous)).toEqual({ data: { publicWidgets: [{ id: 'w-public' }] }, codes: [] });
    expect((await run('{ widgets(customerId: "c1") { id } }', anonymous)).codes).toEqual(['FORBIDDEN']);
    expect((await run('mutation { renameWidget(customerId: "c1") }', anonymous)).codes).toEqual(['FORBIDDEN']);
    expect((await run('{ forgotten }', anonymous)).codes).toEqual(['FORBIDDEN']);
  });

  it('object fields without a policy follow their parent', async () => {
    expect((await run('{ widgets(customerId: "c1") { id } }', technician)).data).toEqual({ widgets: [{ id: 'w-c1' }] });
  });
});
