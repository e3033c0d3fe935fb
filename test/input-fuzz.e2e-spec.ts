import fc from 'fast-check';
import { startE2eStack, type E2eStack } from './support/e2e-stack';
import { createTenant, type Tenant } from './support/tenants';
import { variablesArbitrary } from './support/input-arbitraries';
import { loadSupergraph, rootOperations, type RootOperation } from './support/supergraph-operations';

// Cases per root field (fixed seed): FUZZ_RUNS raises it for a longer local run.
const RUNS_PER_MUTATION = Number(process.env.FUZZ_RUNS ?? 100);
const RUNS_PER_QUERY = Math.ceil(RUNS_PER_MUTATION / 4);
const SEED = 20261201;
const CONCURRENCY = 4;

const operations = rootOperations(loadSupergraph());

type Finding = { field: string; problem: string; variables: string; answer: string };

// What an answer may never contain: internal addresses, SQL, driver codes or stack frames.
const INTERNALS = [
  /https?:\/\//i,
  /127\.0\.0\.1|localhost/i,
  /\n\s+at /,
  /\b(SELECT|INSERT INTO|UPDATE `|DELETE FROM)\b/,
  /\bER_[A-Z_]+\b/,
  /sqlMessage|sqlState|errno/,
];

let stack: E2eStack;
let tenant: Tenant;

beforeAll(async () => {
  stack = await startE2eStack('e2e_fuzz', { RATE_LIMIT_PER_MINUTE: '0', RATE_LIMIT_STAFF_PER_MINUTE: '0' });
  tenant = await createTenant(stack, 'Fuzz Tenant', 'FUZZ-01');
}, 240_000);

afterAll(() => stack?.teardown(), 60_000);

async function send(operation: RootOperation, variables: Record<string, unknown>): Promise<Finding[]> {
  const response = await fetch(stack.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.gateway.token}` },
    body: JSON.stringify({ query: operation.document, variables }),
  });
  const answer = await response.text();
  const finding = (problem: string): Finding => ({
    field: operation.name,
    problem,
    variables: JSON.stringify(variables).slice(0, 300),
    answer: answer.slice(0, 400),
  });
  const findings: Finding[] = [];
  if (response.status >= 500) findings.push(finding(`HTTP ${response.status}`));
  const body = JSON.parse(answer) as { errors?: { message: string; extensions?: { code?: string } }[] };
  for (const error of body.errors ?? []) {
    if (!error.extensions?.code) findings.push(finding('an error without extensions.code'));
    if (error.extensions?.code === 'INTERNAL_SERVER_ERROR') findings.push(finding('INTERNAL_SERVER_ERROR'));
  }
  for (const pattern of INTERNALS)
    if (pattern.test(JSON.stringify(body.errors ?? []))) findings.push(finding(`error text matches ${pattern}`));
  return findings;
}

async function fuzz(operation: RootOperation, runs: number): Promise<Finding[]> {
  const ids = [tenant.customerId, tenant.siteId, tenant.contactId, tenant.deviceId, tenant.incidentId];
  const cases = fc.sample(variablesArbitrary(operation.field.args, ids), { seed: SEED, numRuns: runs });
  const findings: Finding[] = [];
  for (let start = 0; start < cases.length; start += CONCURRENCY) {
    const batch = await Promise.all(cases.slice(start, start + CONCURRENCY).map((variables) => send(operation, variables)));
    findings.push(...batch.flat());
  }
  return findings;
}

describe('bounded input fuzz of every root field through the gateway: bad input is never a 5xx, always coded, never internal', () => {
  it.each(operations.filter((operation) => operation.kind === 'mutation').map((operation) => [operation.name, operation] as const))(
    'mutation %s',
    async (_name, operation) => {
      expect((await fuzz(operation, RUNS_PER_MUTATION)).slice(0, 5)).toEqual([]);
    },
    120_000,
  );

  it.each(operations.filter((operation) => operation.kind === 'query').map((operation) => [operation.name, operation] as const))(
    'query %s',
    async (_name, operation) => {
      expect((await fuzz(operation, RUNS_PER_QUERY)).slice(0, 5)).toEqual([]);
    },
    120_000,
  );

  it('every service is healthy after the fuzz', async () => {
    const services = ['CUSTOMERS', 'DEVICES', 'INCIDENTS', 'LOGISTICS', 'DISPATCH'].map((name) =>
      (stack.env[`${name}_URL`] as string).replace('/graphql', '/health'),
    );
    const statuses = await Promise.all(
      [stack.gatewayUrl.replace('/graphql', '/health'), ...services].map(async (url) => (await fetch(url)).status),
    );
    expect(statuses).toEqual(statuses.map(() => 200));
  });
});
