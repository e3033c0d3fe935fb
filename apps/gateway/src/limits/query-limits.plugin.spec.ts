import { ApolloServer } from '@apollo/server';
import { queryLimitsPlugin } from './query-limits.plugin';

const typeDefs = `
  input Filter { text: String! limit: Int }
  type Case { id: ID! related(first: Int!): [Case!]! }
  type Query { cases(filter: Filter!, limit: Int!): [Case!]! }
`;

describe('query limits plugin', () => {
  const server = new ApolloServer({ typeDefs, resolvers: { Query: { cases: () => [] } }, plugins: [queryLimitsPlugin()] });
  beforeAll(() => server.start(), 180_000);
  afterAll(() => server.stop(), 60_000);

  async function run(query: string, variables?: Record<string, unknown>) {
    const response = await server.executeOperation({ query, variables });
    const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
    return { status: response.http.status ?? 200, errors };
  }

  it.each([
    ['of the wrong type', { f: { text: 12345 }, n: 10 }],
    ['missing', { n: 10 }],
    ['null where it may not be', { f: null, n: 10 }],
    ['with an unknown input field', { f: { text: 'x', bogus: 1 }, n: 10 }],
    ['an int beyond 32 bits', { f: { text: 'x' }, n: 2 ** 31 }],
  ])('a variable %s is BAD_USER_INPUT with HTTP 400 when the cost is weighed, not a failure of ours', async (_what, variables) => {
    const answer = await run('query($f: Filter!, $n: Int!) { cases(filter: $f, limit: $n) { id } }', variables);
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^Variable "\$[fn]"/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('a document whose fragments expand to more selections than the estimator walks is QUERY_TOO_COMPLEX with HTTP 400', async () => {
    const fragments = ['fragment F1 on Case { id }'];
    for (let level = 2; level <= 6; level += 1)
      fragments.push(`fragment F${level} on Case { ${Array.from({ length: 8 }, () => `...F${level - 1}`).join(' ')} }`);
    const answer = await run(`{ cases(filter: { text: "x" }, limit: 1) { ...F6 } } ${fragments.join(' ')}`);
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'nodes' });
  });
});
