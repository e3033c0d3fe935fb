import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { buildSchema } from 'graphql';
import type { Principal } from '@polyplus/auth';
import { DEMO_ENGINEER, DEMO_PLANNER, graphqlData, productionSecrets, startStack, tokenFor, type Stack } from '@polyplus/local-stack';
import { SUBGRAPH_NAMES } from '@polyplus/subgraph-kit';
import { deleteRedisKeys, dropDatabasesWithPrefix, uniqueTestPrefix } from '@polyplus/testing';
import { SUPERGRAPH_PATH } from './gateway';
import { malformedRequests, type FuzzTarget, type MalformedRequest } from './testing/malformed-requests';

type GraphQLErrorShape = { message?: unknown; extensions?: { code?: unknown } & Record<string, unknown> };
type Answer = { status: number; text: string; errors: GraphQLErrorShape[] };

// A few mutations and queries of every subgraph, with inputs of every kind: nested inputs and
// lists, enums, ints, floats, DateTimeISO arguments, dates and prices written as strings.
const TARGETS: FuzzTarget[] = [
  { operation: 'mutation', field: 'createCustomer', as: 'support' },
  { operation: 'mutation', field: 'createSite', as: 'support' },
  { operation: 'mutation', field: 'addContact', as: 'support' },
  { operation: 'mutation', field: 'registerDevices', as: 'support' },
  { operation: 'mutation', field: 'createContract', as: 'support' },
  { operation: 'mutation', field: 'openIncident', as: 'support' },
  { operation: 'mutation', field: 'createPriceBook', as: 'support' },
  { operation: 'mutation', field: 'recordTrackingEvent', as: 'support' },
  { operation: 'mutation', field: 'moveOnsiteVisit', as: 'planner' },
  { operation: 'mutation', field: 'recordTechnicianAbsence', as: 'planner' },
  { operation: 'mutation', field: 'setTechnicianWorkingHours', as: 'planner' },
  { operation: 'query', field: 'deviceEntitlement', as: 'support' },
  { operation: 'query', field: 'technicianSchedule', as: 'planner' },
  { operation: 'query', field: 'searchIncidents', as: 'support' },
  { operation: 'query', field: 'discountEligibility', as: 'support' },
];
const SEED = 20_260_302;
const RUNS = 450;

// What must never reach a client: our addresses, a stack frame, SQL or a driver's error.
const LEAKS: [string, RegExp][] = [
  ['internal address', /127\.0\.0\.1:\d+|localhost:\d+/],
  ['URL', /https?:\/\//],
  ['stack frame', / {4}at |\bat [\w.<>]+ \(\/|node_modules/],
  ['SQL', /\bSELECT\b.+\bFROM\b|\bINSERT INTO\b|\bUPDATE\b.+\bSET\b|\bER_[A-Z_]{4,}|sqlMessage|QueryFailedError/],
];

describe('malformed requests through the whole stack', () => {
  const prefix = uniqueTestPrefix('bad_input_fuzz');
  const queuePrefix = prefix.replace(/_$/, '');
  const logs: string[] = [];
  let stack: Stack;
  const tokens: Record<string, string> = {};
  const ids: string[] = [];

  beforeAll(async () => {
    try {
      // Production settings: what an attacker meets.
      stack = await startStack({
        freePorts: true,
        env: {
          MYSQL_DATABASE_PREFIX: prefix,
          QUEUE_PREFIX: queuePrefix,
          NODE_ENV: 'production',
          ...productionSecrets('fuzz'),
        },
        log: (line) => logs.push(line),
      });
    } catch (error) {
      await dropDatabasesWithPrefix(prefix);
      throw new Error(`${(error as Error).message}\n${logs.slice(-40).join('\n')}`);
    }
    const principals: Record<string, Principal> = { support: DEMO_ENGINEER, planner: DEMO_PLANNER };
    for (const [role, principal] of Object.entries(principals)) tokens[role] = await tokenFor(principal, stack.env);
    // Real ids beside made-up ones, so some requests get past the look-ups to the writes.
    const support = { url: stack.gatewayUrl, token: tokens.support };
    const { createCustomer } = await graphqlData<{ createCustomer: { id: string } }>(
      support,
      'mutation { createCustomer(input: { name: "Fuzz Ltd" }) { id } }',
    );
    const { createSite } = await graphqlData<{ createSite: { id: string } }>(
      support,
      'mutation($i: CreateSiteInput!) { createSite(input: $i) { id } }',
      {
        i: { customerId: createCustomer.id, name: 'HQ', countryCode: 'GB', timeZone: 'Europe/London' },
      },
    );
    ids.push(createCustomer.id, createSite.id);
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
    await dropDatabasesWithPrefix(prefix);
    await deleteRedisKeys(queuePrefix);
  }, 120_000);

  async function send(body: string, role: string): Promise<Answer> {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[role]}` },
      body,
    });
    const text = await response.text();
    let errors: GraphQLErrorShape[] = [];
    try {
      errors = ((JSON.parse(text) as { errors?: GraphQLErrorShape[] }).errors ?? []) as GraphQLErrorShape[];
    } catch {
      errors = [{ message: `not JSON: ${text.slice(0, 200)}` }];
    }
    return { status: response.status, text, errors };
  }

  /** What is wrong with one answer; nothing when it is a proper refusal (or a success). */
  function faults(request: MalformedRequest, answer: Answer): string[] {
    const found: string[] = [];
    if (answer.status >= 500) found.push(`HTTP ${answer.status}`);
    for (const error of answer.errors) {
      const code = error.extensions?.code;
      if (typeof code !== 'string') found.push(`an error without a code: ${String(error.message).slice(0, 120)}`);
      if (code === 'INTERNAL_SERVER_ERROR') found.push('INTERNAL_SERVER_ERROR');
    }
    const errorText = JSON.stringify(answer.errors);
    // An echo of what the request itself sent is no leak.
    for (const [what, pattern] of LEAKS)
      if (pattern.test(errorText) && !pattern.test(request.body)) found.push(`${what} in an error: ${errorText.slice(0, 200)}`);
    return found;
  }

  it('a wrongly typed variable is 400 BAD_USER_INPUT through the whole stack', async () => {
    const answer = await send(
      JSON.stringify({
        query: 'mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }',
        variables: { i: { name: 12345 } },
      }),
      'support',
    );
    expect({ status: answer.status, codes: answer.errors.map((e) => e.extensions?.code) }).toEqual({
      status: 400,
      codes: ['BAD_USER_INPUT'],
    });
  });

  it('moveOnsiteVisit with 30 February is BAD_USER_INPUT with nothing of the dispatch subgraph in it', async () => {
    const answer = await send(
      JSON.stringify({ query: 'mutation { moveOnsiteVisit(id: "v1", technicianId: "t1", start: "2026-02-30T10:00:00Z") { id } }' }),
      'planner',
    );
    expect(answer.errors).toEqual([
      {
        message: expect.stringMatching(/^Argument "start" of field "moveOnsiteVisit" has invalid value; /),
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
    expect(answer.text).not.toMatch(/"response"|127\.0\.0\.1|http:\/\/|Bad Request/);
  });

  it(`${RUNS} malformed requests (fixed seed) get no 5xx, no INTERNAL_SERVER_ERROR, a code on every error and nothing internal; every service stays healthy`, async () => {
    const schema = buildSchema(readFileSync(SUPERGRAPH_PATH, 'utf8'), { assumeValidSDL: true });
    const requests = fc.sample(
      fc
        .constantFrom(...TARGETS)
        .chain((target) => malformedRequests(schema, target, ids).map((request) => ({ request, role: target.as }))),
      { seed: SEED, numRuns: RUNS },
    );
    const failures: string[] = [];
    let executed = 0;
    for (const { request, role } of requests) {
      const answer = await send(request.body, role);
      if (answer.status === 200) executed += 1;
      for (const fault of faults(request, answer))
        failures.push(`${request.target} (${request.kind}): ${fault}\n    request: ${request.body.slice(0, 300)}`);
    }
    expect(failures).toEqual([]);
    // Some requests must have got past the gateway's own checks to the subgraphs.
    expect(executed).toBeGreaterThan(RUNS / 10);
    const health = await Promise.all(
      [...SUBGRAPH_NAMES.map((name) => stack.env[`${name.toUpperCase()}_URL`] as string), stack.gatewayUrl].map(async (url) => [
        url,
        (await fetch(url.replace(/\/graphql$/, '/health'))).status,
      ]),
    );
    expect(health.filter(([, status]) => status !== 200)).toEqual([]);
  }, 240_000);
});
