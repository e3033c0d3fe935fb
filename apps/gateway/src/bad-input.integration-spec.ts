import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { authConfig, issueToken } from '@polyplus/auth';
import { SUBGRAPH_NAMES } from '@polyplus/subgraph-kit';
import { deleteRedisKeys, uniqueTestPrefix } from '@polyplus/testing';
import { startGateway, type RunningGateway } from './gateway';
import { closeNow, listenAsSubgraph } from './testing/gateway-test-env';

type GraphQLError = { message: string; extensions?: Record<string, unknown> };
type Answer = { status: number; body: { data?: unknown; errors?: GraphQLError[] }; text: string };
type Reply = (response: ServerResponse) => void;

/** Stands in for every subgraph: records each request the gateway sends and answers as told. */
function startSubgraphStandIn() {
  const calls: string[] = [];
  const ordinary: Reply = (response) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: null }));
  let reply = ordinary;
  const server = createServer((request: IncomingMessage, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      calls.push(body);
      reply(response);
    });
  });
  return {
    calls,
    answerWith: (next: Reply) => (reply = next),
    reset: () => {
      calls.length = 0;
      reply = ordinary;
    },
    listen: () => listenAsSubgraph(server),
    close: () => closeNow(server),
  };
}

const CREATE_CUSTOMER = 'mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }';
const MOVE_VISIT = 'mutation($s: DateTimeISO!) { moveOnsiteVisit(id: "v1", technicianId: "t1", start: $s) { id } }';

describe('bad input at the gateway', () => {
  const prefix = uniqueTestPrefix('bad_input').replace(/_$/, '');
  const standIn = startSubgraphStandIn();
  let gateway: RunningGateway;
  let token: string;

  beforeAll(async () => {
    const url = await standIn.listen();
    const env = {
      ...process.env,
      QUEUE_PREFIX: prefix,
      ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_URL`, url])),
    };
    gateway = await startGateway({ port: 0, env });
    token = await issueToken({ subject: 'e1', role: 'SUPPORT_ENGINEER', customerIds: [] }, authConfig(env));
  }, 120_000);

  afterAll(async () => {
    await gateway?.stop();
    await standIn.close();
    await deleteRedisKeys(prefix);
  }, 60_000);

  beforeEach(() => standIn.reset(), 60_000);

  async function send(body: string): Promise<Answer> {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
    const text = await response.text();
    return { status: response.status, body: JSON.parse(text) as Answer['body'], text };
  }
  const post = (query: string, variables?: unknown, operationName?: string) => send(JSON.stringify({ query, variables, operationName }));

  /** A 4xx whose every error has a code, and nothing of our insides in it. */
  function expectRefused(answer: Answer, status: number, code: string): void {
    expect({ status: answer.status, codes: answer.body.errors?.map((e) => e.extensions?.code) }).toEqual({ status, codes: [code] });
    expect(answer.text).not.toMatch(/127\.0\.0\.1|http:\/\/|"response"|statusText|stacktrace| {4}at /);
  }

  it('a wrongly typed variable is BAD_USER_INPUT with HTTP 400, and no subgraph is called', async () => {
    const answer = await post(CREATE_CUSTOMER, { i: { name: 12345 } });
    expectRefused(answer, 400, 'BAD_USER_INPUT');
    expect(answer.body.errors?.[0].message).toMatch(/^Variable "\$i" got invalid value 12345 at "i\.name"/);
    expect(standIn.calls).toEqual([]);
  });

  it.each([
    ['a missing required variable', CREATE_CUSTOMER, {}],
    ['no variables at all', CREATE_CUSTOMER, undefined],
    ['an unknown input field', CREATE_CUSTOMER, { i: { name: 'Acme', bogus: 1 } }],
    ['null for a non-null variable', CREATE_CUSTOMER, { i: null }],
    ['null for a non-null input field', CREATE_CUSTOMER, { i: { name: null } }],
    ['a list where an input object belongs', CREATE_CUSTOMER, { i: [{ name: 'Acme' }] }],
    ['a string where an input object belongs', CREATE_CUSTOMER, { i: 'Acme' }],
    ['an object where a list of ids belongs', 'query($ids: [ID!]!) { devicesByIds(ids: $ids) { id } }', { ids: { id: 'd1' } }],
    [
      'an enum value that does not exist',
      'mutation($i: AddContactInput!) { addContact(input: $i) { id } }',
      { i: { customerId: 'c1', email: 'a@b.example', name: 'A', role: 'OVERLORD' } },
    ],
    ['an int beyond 32 bits', 'query($n: Int!) { supportQueue(limit: $n) { id } }', { n: 2 ** 31 }],
    ['a huge int', 'query($n: Int!) { supportQueue(limit: $n) { id } }', { n: 1e300 }],
    ['a fraction for an int', 'query($n: Int!) { supportQueue(limit: $n) { id } }', { n: 1.5 }],
    ['a string for a boolean', 'mutation($d: Boolean!) { setContactDesignation(contactId: "c1", designated: $d) { id } }', { d: 'yes' }],
  ])('%s is BAD_USER_INPUT with HTTP 400 naming the variable, and no subgraph is called', async (_what, query, variables) => {
    const answer = await post(query, variables);
    expectRefused(answer, 400, 'BAD_USER_INPUT');
    expect(answer.body.errors?.[0].message).toMatch(/^Variable "\$\w+"/);
    expect(standIn.calls).toEqual([]);
  });

  it.each([
    ['an operationName the document does not hold', '{ customers { id } }', 'Nope', /Unknown operation named "Nope"/],
    [
      'several operations and no operationName',
      'query A { customers { id } } query B { products { id } }',
      undefined,
      /several operations/,
    ],
  ])('%s is BAD_USER_INPUT with HTTP 400, not a 500', async (_what, query, operationName, message) => {
    const answer = await post(query, undefined, operationName);
    expectRefused(answer, 400, 'BAD_USER_INPUT');
    expect(answer.body.errors?.[0].message).toMatch(message);
    expect(standIn.calls).toEqual([]);
  });

  it.each([
    ['a malformed JSON body', '{"query": "{ customers { id } }"'],
    ['an empty query', JSON.stringify({ query: '' })],
    ['variables that are not an object', JSON.stringify({ query: '{ customers { id } }', variables: [1, 2] })],
    ['variables sent as a JSON string', JSON.stringify({ query: '{ customers { id } }', variables: '{"a":1}' })],
    ['a query that is not a string', JSON.stringify({ query: 12 })],
    ['a body that is not an object', JSON.stringify('{ customers { id } }')],
  ])('%s is BAD_REQUEST with HTTP 400', async (_what, body) => {
    expectRefused(await send(body), 400, 'BAD_REQUEST');
    expect(standIn.calls).toEqual([]);
  });

  it.each([
    [
      '30 February in an argument',
      '{ deviceEntitlement(deviceId: "d1", at: "2026-02-30T10:00:00Z") { covered } }',
      undefined,
      /^Argument "at" of field "deviceEntitlement" has invalid value; .*February 2026 has 28 days/,
    ],
    [
      '30 February in moveOnsiteVisit',
      'mutation { moveOnsiteVisit(id: "v1", technicianId: "t1", start: "2026-02-30T10:00:00Z") { id } }',
      undefined,
      /^Argument "start" of field "moveOnsiteVisit"/,
    ],
    ['month 13 in a variable', MOVE_VISIT, { s: '2026-13-01T00:00:00Z' }, /^Variable "\$s" got invalid value; .*no month 13/],
    [
      'year 0000 in a variable',
      MOVE_VISIT,
      { s: '0000-01-01T00:00:00Z' },
      /^Variable "\$s" got invalid value; .*outside the years 1970–2999/,
    ],
    ['a number for an instant', MOVE_VISIT, { s: 1767225600000 }, /^Variable "\$s" got invalid value; DateTimeISO must be a date-time/],
    [
      'an object for an instant',
      MOVE_VISIT,
      { s: { date: '2026-03-02' } },
      /^Variable "\$s" got invalid value; DateTimeISO must be a date-time/,
    ],
    [
      'a number written as the argument',
      'mutation { moveOnsiteVisit(id: "v1", technicianId: "t1", start: 20260302) { id } }',
      undefined,
      /^Argument "start".*must be a date-time/,
    ],
    [
      'an impossible end inside an input',
      'mutation($i: RecordTechnicianAbsenceInput!) { recordTechnicianAbsence(input: $i) { id } }',
      { i: { technicianId: 't1', startsAt: '2026-03-02T08:00:00Z', endsAt: '2026-02-31T17:00:00Z', kind: 'SICK' } },
      /^Variable "\$i" got invalid value at "i\.endsAt"/,
    ],
    [
      'an impossible instant on a nested field',
      '{ device(id: "d1") { entitlement(at: "2026-04-31T00:00:00Z") { covered } } }',
      undefined,
      /^Argument "at" of field "entitlement"/,
    ],
  ])(
    'an impossible date never reaches a subgraph: %s is BAD_USER_INPUT naming the argument or variable',
    async (_what, query, variables, message) => {
      const answer = await post(query, variables);
      expectRefused(answer, 400, 'BAD_USER_INPUT');
      expect(answer.body.errors?.[0].message).toMatch(message);
      expect(standIn.calls).toEqual([]);
    },
  );

  it('a subgraph’s HTTP refusal reaches the client as the subgraph’s own error and code, without its address, status line or body', async () => {
    standIn.answerWith((response) =>
      response.writeHead(400, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          errors: [
            {
              message: 'start must be a date-time in the years 1970–2999',
              locations: [{ line: 1, column: 10 }],
              extensions: { code: 'BAD_USER_INPUT', field: 'start' },
            },
          ],
        }),
      ),
    );
    const answer = await post(MOVE_VISIT, { s: '2026-03-02T10:00:00Z' });
    expect(standIn.calls).toHaveLength(1);
    expect(answer.body.errors).toEqual([
      { message: 'start must be a date-time in the years 1970–2999', extensions: { code: 'BAD_USER_INPUT', field: 'start' } },
    ]);
    expect(answer.text).not.toMatch(/127\.0\.0\.1|http:\/\/|"response"|statusText|Bad Request/);
  });

  it('a subgraph answer that is not GraphQL (a proxy’s error page) is SERVICE_UNAVAILABLE with nothing of the page in it', async () => {
    standIn.answerWith((response) =>
      response.writeHead(502, { 'content-type': 'text/html' }).end('<html>502 Bad Gateway: upstream 10.1.2.3:4005 at /srv/dispatch</html>'),
    );
    const answer = await post(MOVE_VISIT, { s: '2026-03-02T10:00:00Z' });
    expect(answer.body.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(answer.text).not.toMatch(/10\.1\.2\.3|Bad Gateway|html|127\.0\.0\.1|"response"/);
  });

  it('a small document whose fragments expand to billions of selections is QUERY_TOO_COMPLEX, and the gateway goes on answering', async () => {
    const fragments = ['fragment F1 on Customer { id }'];
    for (let level = 2; level <= 12; level += 1)
      fragments.push(`fragment F${level} on Customer { ${Array.from({ length: 8 }, () => `...F${level - 1}`).join(' ')} }`);
    const answer = await post(`{ customers { ...F12 } } ${fragments.join(' ')}`);
    expectRefused(answer, 400, 'QUERY_TOO_COMPLEX');
    expect(standIn.calls).toEqual([]);
    const health = await fetch(gateway.url.replace(/\/graphql$/, '/health'));
    expect(health.status).toBe(200);
  });
});
