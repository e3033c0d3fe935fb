// Gateway load benchmark: one cross-subgraph query through the gateway, the incidents-only part of it
// through the gateway, and that same query sent straight to the incidents subgraph (signed principal
// header, as the gateway sends it). Prints requests/s and p50/p99 latency of each and their ratios.
// Usage: node -r @swc-node/register tools/bench/gateway-load/run.ts [--duration 10] [--connections 10]
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { authConfig, signPrincipal, type Principal } from '@polyplus/auth';
import { DEMO_ENGINEER, graphqlData, productionSecrets, startStack, tokenFor } from '@polyplus/local-stack';
import { deleteRedisKeys, dropDatabasesWithPrefix } from '@polyplus/testing';

const CROSS_SUBGRAPH = 'query ($id: ID!) { incident(id: $id) { id status severity summary responseDueAt device { serialNumber productModel } customer { name } } }';
const INCIDENTS_ONLY = 'query ($id: ID!) { incident(id: $id) { id status severity summary responseDueAt } }';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

type Target = { label: string; url: string; headers: Record<string, string>; query: string };
type Figures = { label: string; requestsPerSecond: number; p50: number; p99: number; errors: number };

async function load(target: Target, variables: Record<string, unknown>, duration: number, connections: number): Promise<Figures> {
  const body = JSON.stringify({ query: target.query, variables });
  // A benchmark of error answers measures nothing: check one real answer first.
  const probe = (await (await fetch(target.url, { method: 'POST', headers: target.headers, body })).json()) as { data?: { incident?: unknown }; errors?: unknown };
  if (!probe.data?.incident || probe.errors) throw new Error(`${target.label}: ${JSON.stringify(probe)}`);
  const result = await autocannon({ url: target.url, method: 'POST', headers: target.headers, body, connections, duration });
  return { label: target.label, requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

async function seedIncident(gateway: { url: string; token: string }): Promise<{ customerId: string; incidentId: string }> {
  const { createCustomer } = await graphqlData<{ createCustomer: { id: string } }>(gateway, 'mutation { createCustomer(input: { name: "Bench Ltd" }) { id } }');
  const customerId = createCustomer.id;
  const input = (value: Record<string, unknown>) => ({ input: { customerId, ...value } });
  const { createSite } = await graphqlData<{ createSite: { id: string } }>(gateway, 'mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }', input({ name: 'HQ', countryCode: 'GB', timeZone: 'Europe/London' }));
  const { addContact } = await graphqlData<{ addContact: { id: string } }>(gateway, 'mutation ($input: AddContactInput!) { addContact(input: $input) { id } }', input({ email: 'tech@bench.example', name: 'Tech', role: 'TECHNICIAN', designated: true }));
  const { registerDevice } = await graphqlData<{ registerDevice: { id: string } }>(gateway, 'mutation ($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }', input({ siteId: createSite.id, serialNumber: 'BENCH-0001', productModel: 'Studio X50' }));
  await graphqlData(gateway, 'mutation ($input: CreateContractInput!) { createContract(input: $input) { id } }', input({ reference: 'PP-BENCH', startsOn: '2025-01-01', endsOn: '2099-12-31', deviceIds: [registerDevice.id] }));
  const { openIncident } = await graphqlData<{ openIncident: { id: string } }>(gateway, 'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id } }', {
    input: { contactId: addContact.id, deviceId: registerDevice.id, severity: 2, channel: 'WEB', summary: 'Camera does not start' },
  });
  return { customerId, incidentId: openIncident.id };
}

async function main(): Promise<void> {
  const duration = arg('duration', 10);
  const connections = arg('connections', 10);
  const prefix = `test_bench_gateway_${randomBytes(3).toString('hex')}_`;
  const queuePrefix = prefix.replace(/_$/, '');
  // Limits stay on (their Redis round trip is part of the cost) but high enough never to refuse.
  // A stack that fails to start still leaves databases behind: drop them either way.
  const stack = await startStack({
    freePorts: true,
    env: {
      MYSQL_DATABASE_PREFIX: prefix,
      QUEUE_PREFIX: queuePrefix,
      NODE_ENV: 'production',
      ...productionSecrets('bench'),
      RATE_LIMIT_PER_MINUTE: '100000000',
      RATE_LIMIT_BURST: '1000000',
    },
    log: () => undefined,
  }).catch(async (error: unknown) => {
    await dropDatabasesWithPrefix(prefix);
    throw error;
  });
  try {
    const { customerId, incidentId } = await seedIncident({ url: stack.gatewayUrl, token: await tokenFor(DEMO_ENGINEER, stack.env) });
    const customer: Principal = { subject: 'bench-admin', role: 'CUSTOMER_ADMIN', customerIds: [customerId] };
    const bearer = { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(customer, stack.env)}` };
    // Signed per run: the header carries a timestamp that subgraphs accept for a few minutes.
    const signed = { 'content-type': 'application/json', ...signPrincipal(customer, authConfig(stack.env).principalSecrets[0]) };
    const targets: Target[] = [
      { label: 'gateway, incident + device + customer (3 subgraphs)', url: stack.gatewayUrl, headers: bearer, query: CROSS_SUBGRAPH },
      { label: 'gateway, incident fields only (1 subgraph)', url: stack.gatewayUrl, headers: bearer, query: INCIDENTS_ONLY },
      { label: 'incidents subgraph directly, same fields', url: stack.env.INCIDENTS_URL as string, headers: signed, query: INCIDENTS_ONLY },
    ];
    console.log(`${connections} connections, ${duration} s each, customer principal, NODE_ENV=production`);
    const figures: Figures[] = [];
    for (const target of targets) figures.push(await load(target, { id: incidentId }, duration, connections));
    console.log('  target                                                 req/s    p50 ms   p99 ms  errors');
    for (const f of figures) console.log(`  ${f.label.padEnd(52)} ${f.requestsPerSecond.toFixed(0).padStart(7)} ${String(f.p50).padStart(9)} ${String(f.p99).padStart(8)} ${String(f.errors).padStart(7)}`);
    const [cross, single, direct] = figures;
    console.log(`gateway overhead, same fields: ${(direct.requestsPerSecond / single.requestsPerSecond).toFixed(2)}× fewer req/s, p50 ${(single.p50 / Math.max(direct.p50, 1)).toFixed(2)}×`);
    console.log(`three subgraphs vs one through the gateway: ${(single.requestsPerSecond / cross.requestsPerSecond).toFixed(2)}× fewer req/s, p50 ${(cross.p50 / Math.max(single.p50, 1)).toFixed(2)}×`);
  } finally {
    await stack.stop();
    await dropDatabasesWithPrefix(prefix);
    await deleteRedisKeys(queuePrefix);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
