import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Principal } from '@polyplus/auth';
import { EntityBatches, entityBatchKey, MAX_BATCH_REPRESENTATIONS, memberAnswer, type EntitiesAnswer } from './entity-batches';
import type { GatewayContext } from './gateway-context';

const ENTITIES = 'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Device { id } } }';
const admin: Principal = { subject: 'a1', role: 'CUSTOMER_ADMIN', customerIds: ['c1'] };
const otherAdmin: Principal = { subject: 'a2', role: 'CUSTOMER_ADMIN', customerIds: ['c2'] };

type Options = GraphQLDataSourceProcessOptions<GatewayContext>;
const device = (id: string) => ({ __typename: 'Device', id });

function entityRead(ids: string[], principal = admin, query = ENTITIES): Options {
  return {
    kind: 'incoming operation',
    request: { query, variables: { representations: ids.map(device) } },
    context: { principal },
    incomingRequestContext: { operation: { operation: 'query' } },
  } as unknown as Options;
}

/** A subgraph that answers each representation with its entity, or an error on ids starting with "x". */
function subgraph() {
  const sent: unknown[][] = [];
  const send = async (options: Options): Promise<EntitiesAnswer> => {
    const representations = options.request.variables?.representations as { id: string }[];
    sent.push(representations.map(({ id }) => id));
    const errors = representations.flatMap(({ id }, index) =>
      id.startsWith('x') ? [{ message: `no device ${id}`, path: ['_entities', index, 'id'] }] : [],
    );
    return {
      data: { _entities: representations.map(({ id }) => (id.startsWith('x') ? null : { id })) },
      ...(errors.length ? { errors } : {}),
    };
  };
  return { sent, batches: new EntityBatches(send) };
}

describe('entity reads of one principal in flight together share one request', () => {
  it('reads in the same turn are one request, each caller gets its own entities in its own order', async () => {
    const { sent, batches } = subgraph();
    const key = entityBatchKey(entityRead(['d1'])) as string;
    const answers = await Promise.all([
      batches.read(key, entityRead(['d1', 'd2'])),
      batches.read(key, entityRead(['d3'])),
      batches.read(key, entityRead(['d4', 'd5'])),
    ]);
    expect(sent).toEqual([['d1', 'd2', 'd3', 'd4', 'd5']]);
    expect(answers.map((answer) => answer.data)).toEqual([
      { _entities: [{ id: 'd1' }, { id: 'd2' }] },
      { _entities: [{ id: 'd3' }] },
      { _entities: [{ id: 'd4' }, { id: 'd5' }] },
    ]);
  });

  it("an error on one entity reaches only the caller that asked for it, at that caller's own index", async () => {
    const { batches } = subgraph();
    const key = entityBatchKey(entityRead(['d1'])) as string;
    const [first, second] = await Promise.all([batches.read(key, entityRead(['d1'])), batches.read(key, entityRead(['d2', 'x3']))]);
    expect(first.errors).toBeUndefined();
    expect(second.data).toEqual({ _entities: [{ id: 'd2' }, null] });
    expect(second.errors).toEqual([{ message: 'no device x3', path: ['_entities', 1, 'id'] }]);
  });

  it('an error that names no entity, and a failed request, reach every caller of the batch', async () => {
    const whole = { data: null, errors: [{ message: 'Device service is busy' }] };
    expect(memberAnswer(whole, 0, 1)).toEqual(whole);
    expect(memberAnswer(whole, 1, 2)).toEqual(whole);
    const batches = new EntityBatches<EntitiesAnswer>(() => Promise.reject(new TypeError('fetch failed')));
    const key = entityBatchKey(entityRead(['d1'])) as string;
    const outcomes = await Promise.allSettled([batches.read(key, entityRead(['d1'])), batches.read(key, entityRead(['d2']))]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
  });

  it('reads in later turns are requests of their own', async () => {
    const { sent, batches } = subgraph();
    const key = entityBatchKey(entityRead(['d1'])) as string;
    await batches.read(key, entityRead(['d1']));
    await batches.read(key, entityRead(['d2']));
    expect(sent).toEqual([['d1'], ['d2']]);
  });

  it(`a batch holds at most ${MAX_BATCH_REPRESENTATIONS} representations`, async () => {
    const { sent, batches } = subgraph();
    const key = entityBatchKey(entityRead(['d1'])) as string;
    const ids = (from: number) => Array.from({ length: 60 }, (_, i) => `d${from + i}`);
    const answers = await Promise.all([batches.read(key, entityRead(ids(0))), batches.read(key, entityRead(ids(60)))]);
    expect(sent.map((representations) => representations.length)).toEqual([60, 60]);
    expect(answers[1].data?._entities).toEqual(ids(60).map((id) => ({ id })));
  });

  it('two principals, two documents or a request that is no entity read never share a batch', () => {
    expect(entityBatchKey(entityRead(['d1']))).toBe(entityBatchKey(entityRead(['d2', 'd3'])));
    expect(entityBatchKey(entityRead(['d1']))).not.toBe(entityBatchKey(entityRead(['d1'], otherAdmin)));
    expect(entityBatchKey(entityRead(['d1']))).not.toBe(
      entityBatchKey(entityRead(['d1'], admin, ENTITIES.replace('{ id }', '{ id serialNumber }'))),
    );
    expect(entityBatchKey({ ...entityRead(['d1']), request: { query: '{ devices { id } }' } })).toBeUndefined();
    const inMutation = { ...entityRead(['d1']), incomingRequestContext: { operation: { operation: 'mutation' } } } as unknown as Options;
    expect(entityBatchKey(inMutation)).toBeUndefined();
  });
});
