import { graphql } from 'graphql';
import { Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import type { Principal } from '@polyplus/auth';
import { Access, STAFF } from './access-policy';
import { byIds } from './batched-reference';
import { buildFederatedSchema, type FederatedSchema } from './build-federated-schema';

@Directive('@key(fields: "id")')
@ObjectType()
class Gadget {
  @Field(() => ID)
  id!: string;

  @Field()
  customerId!: string;
}

@Resolver(() => Gadget)
class GadgetResolver {
  @Access(STAFF)
  @Query(() => [Gadget])
  gadgets(): Gadget[] {
    return [];
  }
}

const gadget = (id: string, customerId: string) => Object.assign(new Gadget(), { id, customerId });
// Stored in an order unlike any request's, so an answer in the stored order would show.
const stored = [gadget('g3', 'acme'), gadget('g-foreign', 'globex'), gadget('g1', 'acme'), gadget('g2', 'acme')];

const admin: Principal = { subject: 'a1', role: 'CUSTOMER_ADMIN', customerIds: ['acme'] };
const engineer: Principal = { subject: 'e1', role: 'SUPPORT_ENGINEER', customerIds: [] };

const ENTITIES = 'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Gadget { id customerId } } }';
const reps = (...ids: string[]) => ids.map((id) => ({ __typename: 'Gadget', id }));

describe('batched entity references', () => {
  let built: FederatedSchema;
  const lookups: string[][] = [];

  beforeAll(async () => {
    built = await buildFederatedSchema({
      resolvers: [GadgetResolver],
      instances: [new GadgetResolver()],
      ownership: { Gadget: (value: Gadget) => value.customerId },
      references: {
        Gadget: byIds(async (ids) => {
          lookups.push(ids);
          return stored.filter((candidate) => ids.includes(candidate.id));
        }),
      },
    });
  }, 180_000);
  beforeEach(() => {
    lookups.length = 0;
  });

  const run = (principal: Principal, ids: string[]) =>
    graphql({ schema: built.schema, source: ENTITIES, variableValues: { reps: reps(...ids) }, contextValue: { principal } });

  it('every representation of one _entities call is one look-up, answered in the representations’ order with null for an unknown id', async () => {
    const result = await run(engineer, ['g1', 'nope', 'g2', 'g3', 'g1']);
    expect(result.errors).toBeUndefined();
    expect(lookups).toEqual([['g1', 'nope', 'g2', 'g3']]);
    expect(result.data?._entities).toEqual([
      { id: 'g1', customerId: 'acme' },
      null,
      { id: 'g2', customerId: 'acme' },
      { id: 'g3', customerId: 'acme' },
      { id: 'g1', customerId: 'acme' },
    ]);
  });

  it('a customer principal still gets null for another customer’s entity in the same batch, in its own place', async () => {
    const result = await run(admin, ['g2', 'g-foreign', 'g1']);
    expect(result.errors).toBeUndefined();
    expect(lookups).toHaveLength(1);
    expect(result.data?._entities).toEqual([{ id: 'g2', customerId: 'acme' }, null, { id: 'g1', customerId: 'acme' }]);
  });

  it('concurrent requests never share a batch: each is looked up on its own', async () => {
    const [foreignForAdmin, foreignForEngineer] = await Promise.all([run(admin, ['g-foreign']), run(engineer, ['g-foreign'])]);
    expect(lookups).toHaveLength(2);
    expect(foreignForAdmin.data?._entities).toEqual([null]);
    expect(foreignForEngineer.data?._entities).toEqual([{ id: 'g-foreign', customerId: 'globex' }]);
  });
});
