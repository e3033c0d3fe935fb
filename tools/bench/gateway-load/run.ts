// Gateway load benchmark: the product's gateway beside Hive Gateway (JavaScript and Rust query planners,
// in-flight deduplication of subgraph requests on and off) and the incidents subgraph itself, on three
// workloads — one incident asked for again and again across three subgraphs, 50 distinct incidents of 5
// customers across three subgraphs, and the incidents-only part on one subgraph. Targets take turns,
// round after round, so a machine that gets busier hurts all of them alike. Prints requests/s and p50/p99
// latency per round, and the ratios the gateway's goals are stated in. Plain @apollo/gateway runs beside
// them as the baseline for the gateway's own latency.
// Usage: node -r @swc-node/register tools/bench/gateway-load/run.ts [--duration 8] [--connections 20] [--rounds 2]
//   [--gateway-parts]: the product's gateway against itself with one part turned off instead of against Hive.
//   [--profile]: then a CPU profile of the product's gateway under the two cross-subgraph workloads.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { authConfig, signPrincipal, type Principal } from '@polyplus/auth';
import { DEMO_ENGINEER, productionSecrets, startStack, tokenFor } from '@polyplus/local-stack';
import { deleteRedisKeys, dropDatabasesWithPrefix } from '@polyplus/testing';
import { startHive, startPlainApollo, supergraphForStack, type HiveVariant, type RunningComparison } from './comparison-processes';
import { load, type BenchRequest } from './load';
import { PRODUCT_VARIANTS, startProductVariant, type RunningProduct } from './product-processes';
import { summariseProfile } from './profile-summary';
import { subgraphRequestsSent } from './subgraph-requests';
import { printRatios, printTables, type Result } from './report';
import { seedCustomer, type SeededCustomer } from './seed';

const CROSS_SUBGRAPH =
  'query ($id: ID!) { incident(id: $id) { id status severity summary responseDueAt device { serialNumber productModel } customer { name } } }';
const INCIDENTS_ONLY = 'query ($id: ID!) { incident(id: $id) { id status severity summary responseDueAt } }';

const IDENTICAL = 'identical query, 3 subgraphs (incident + device + customer)';
const DISTINCT = '50 distinct incidents of 5 customers, 3 subgraphs';
const SINGLE = 'identical query, incident fields only (1 subgraph)';

const PRODUCT = "product's gateway";
const DIRECT = 'incidents subgraph directly';
const PLAIN_APOLLO = 'plain @apollo/gateway';
const HIVE: { label: string; variant: HiveVariant }[] = [
  { label: 'Hive Gateway, dedup off', variant: { planner: 'js', dedup: 'off' } },
  { label: 'Hive Gateway, default dedup', variant: { planner: 'js', dedup: 'on' } },
  { label: 'Hive Gateway + Rust planner, dedup off', variant: { planner: 'rust', dedup: 'off' } },
  { label: 'Hive Gateway + Rust planner, default dedup', variant: { planner: 'rust', dedup: 'on' } },
];

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

type Caller = { principal: Principal; token: string };
type Workload = { name: string; query: string; calls: { caller: Caller; id: string }[] };
// The product's gateway verifies a bearer token; Hive and the subgraph get the signed principal header the
// product's gateway would send (Hive passes it on), signed afresh per load: it is valid for minutes only.
type Target = { label: string; url: string; auth: 'token' | 'signed' };

function requestsFor(target: Target, workload: Workload, secret: string): BenchRequest[] {
  const signed = new Map<Caller, Record<string, string>>();
  const headersOf = (caller: Caller) => {
    if (target.auth === 'token') return { 'content-type': 'application/json', authorization: `Bearer ${caller.token}` };
    if (!signed.has(caller)) signed.set(caller, { 'content-type': 'application/json', ...signPrincipal(caller.principal, secret) });
    return signed.get(caller) as Record<string, string>;
  };
  return workload.calls.map(({ caller, id }) => ({
    body: JSON.stringify({ query: workload.query, variables: { id } }),
    headers: headersOf(caller),
  }));
}

async function main(): Promise<void> {
  const duration = arg('duration', 8);
  const connections = arg('connections', 20);
  const rounds = arg('rounds', 2);
  const prefix = `test_bench_gateway_${randomBytes(3).toString('hex')}_`;
  const queuePrefix = prefix.replace(/_$/, '');
  const metricsToken = randomBytes(16).toString('hex');
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
      METRICS_TOKEN: metricsToken,
    },
    log: () => undefined,
  }).catch(async (error: unknown) => {
    await dropDatabasesWithPrefix(prefix);
    throw error;
  });
  const comparisons: RunningComparison[] = [];
  const products: RunningProduct[] = [];
  try {
    const engineer = { url: stack.gatewayUrl, token: await tokenFor(DEMO_ENGINEER, stack.env) };
    const callerOf = async (customerId: string): Promise<Caller> => {
      const principal: Principal = { subject: `bench-admin-${customerId.slice(0, 8)}`, role: 'CUSTOMER_ADMIN', customerIds: [customerId] };
      return { principal, token: await tokenFor(principal, stack.env) };
    };
    const bench = await seedCustomer(engineer, 'Bench Ltd', 1);
    const benchCaller = await callerOf(bench.customerId);
    const customers: (SeededCustomer & { caller: Caller })[] = [];
    for (let c = 1; c <= 5; c++) {
      const seeded = await seedCustomer(engineer, `Bench Customer ${c}`, 10);
      customers.push({ ...seeded, caller: await callerOf(seeded.customerId) });
    }
    // Interleaved, so consecutive requests come from different customers, as from five customers' users.
    const distinctCalls = customers[0].incidentIds.flatMap((_id, i) =>
      customers.map((customer) => ({ caller: customer.caller, id: customer.incidentIds[i] })),
    );
    const workloads: Workload[] = [
      { name: IDENTICAL, query: CROSS_SUBGRAPH, calls: [{ caller: benchCaller, id: bench.incidentIds[0] }] },
      { name: DISTINCT, query: CROSS_SUBGRAPH, calls: distinctCalls },
      { name: SINGLE, query: INCIDENTS_ONLY, calls: [{ caller: benchCaller, id: bench.incidentIds[0] }] },
    ];

    const supergraph = supergraphForStack(stack.env);
    const targets: Target[] = [{ label: PRODUCT, url: stack.gatewayUrl, auth: 'token' }];
    const gatewayParts = process.argv.includes('--gateway-parts');
    for (const variant of gatewayParts ? PRODUCT_VARIANTS : []) {
      const product = await startProductVariant(variant, stack.env);
      products.push(product);
      targets.push({ label: variant.label, url: product.url, auth: 'token' });
    }
    for (const { label, variant } of gatewayParts ? [] : HIVE) {
      const hive = await startHive(variant, supergraph);
      comparisons.push(hive);
      targets.push({ label, url: hive.url, auth: 'signed' });
    }
    const plainApollo = await startPlainApollo(supergraph);
    comparisons.push(plainApollo);
    targets.push({ label: PLAIN_APOLLO, url: plainApollo.url, auth: 'signed' });
    const direct: Target = { label: DIRECT, url: stack.env.INCIDENTS_URL as string, auth: 'signed' };
    const secret = authConfig(stack.env).principalSecrets[0];

    console.log(`${connections} connections, ${duration} s per target, ${rounds} alternating rounds, customer admins, NODE_ENV=production`);
    console.log(
      `${cpus().length} cores, load average at start ${loadavg()
        .map((value) => value.toFixed(1))
        .join(' ')}`,
    );
    const results: Result[] = [];
    for (let round = 0; round < rounds; round++) {
      for (const workload of workloads) {
        const forWorkload = workload.name === SINGLE ? [...targets, direct] : targets;
        // Every other round in reverse: a target never always runs right after the same one.
        for (const target of round % 2 === 0 ? forWorkload : [...forWorkload].reverse()) {
          // The product's gateways count the subgraph requests they send.
          const subgraphRequests = target.auth === 'token' ? () => subgraphRequestsSent(target.url, metricsToken) : undefined;
          const figures = await load(target.url, requestsFor(target, workload, secret), duration, connections, subgraphRequests);
          console.log(
            `  round ${round + 1}, ${workload.name}, ${target.label}: ${figures.requestsPerSecond.toFixed(0)} req/s, p99 ${figures.p99} ms`,
          );
          const result = results.find((candidate) => candidate.workload === workload.name && candidate.target === target.label);
          if (result) result.rounds.push(figures);
          else results.push({ workload: workload.name, target: target.label, rounds: [figures] });
        }
      }
    }
    console.log(
      `load average at end ${loadavg()
        .map((value) => value.toFixed(1))
        .join(' ')}`,
    );
    printTables(results);
    printRatios(results, [
      ...[IDENTICAL, DISTINCT, SINGLE].map((workload) => ({
        label: `${workload === IDENTICAL ? 'identical' : workload === DISTINCT ? 'distinct' : '1 subgraph'}: product ÷ plain @apollo/gateway, p99`,
        workload,
        a: PRODUCT,
        b: PLAIN_APOLLO,
        of: 'p99' as const,
        goal: '≤ 2.0',
      })),
      ...PRODUCT_VARIANTS.flatMap(({ label }) =>
        [IDENTICAL, DISTINCT].map((workload) => ({
          label: `${workload === IDENTICAL ? 'identical' : 'distinct'}: product ÷ ${label.replace(/^product's gateway, /, '')}, req/s`,
          workload,
          a: PRODUCT,
          b: label,
          of: 'req/s' as const,
          goal: 'reported',
        })),
      ),
      {
        label: 'distinct, 3 subgraphs: product ÷ Hive (dedup off), req/s',
        workload: DISTINCT,
        a: PRODUCT,
        b: HIVE[0].label,
        of: 'req/s',
        goal: '≥ 1.5',
      },
      {
        label: 'distinct, 3 subgraphs: product ÷ Hive (dedup off), p99',
        workload: DISTINCT,
        a: PRODUCT,
        b: HIVE[0].label,
        of: 'p99',
        goal: '≤ 1.0',
      },
      {
        label: 'identical, 3 subgraphs: product ÷ Hive (default dedup), req/s',
        workload: IDENTICAL,
        a: PRODUCT,
        b: HIVE[1].label,
        of: 'req/s',
        goal: '≥ 1.0',
      },
      {
        label: 'identical, 3 subgraphs: product ÷ Hive + Rust planner (default dedup), req/s',
        workload: IDENTICAL,
        a: PRODUCT,
        b: HIVE[3].label,
        of: 'req/s',
        goal: 'reported',
      },
      {
        label: '1 subgraph: product ÷ incidents subgraph directly, req/s (gateway overhead)',
        workload: SINGLE,
        a: PRODUCT,
        b: DIRECT,
        of: 'req/s',
        goal: 'reported',
      },
      {
        label: '1 subgraph: product ÷ Hive (default dedup), req/s',
        workload: SINGLE,
        a: PRODUCT,
        b: HIVE[1].label,
        of: 'req/s',
        goal: 'reported',
      },
    ]);
    if (process.argv.includes('--profile')) {
      // A product gateway of its own, profiled from start to stop: the two cross-subgraph workloads, one after the other.
      const file = join(mkdtempSync(join(tmpdir(), 'bench-gateway-profile-')), 'gateway.cpuprofile');
      const profiled = await startProductVariant({ label: 'profiled', env: {} }, stack.env, file);
      products.push(profiled);
      for (const workload of [workloads[0], workloads[1]])
        await load(
          profiled.url,
          requestsFor({ label: PRODUCT, url: profiled.url, auth: 'token' }, workload, secret),
          duration,
          connections,
        );
      await profiled.stop();
      console.log(`\nCPU profile of the product's gateway while serving, by part (${file}):`);
      for (const line of summariseProfile(file)) console.log(`  ${line}`);
    }
  } finally {
    for (const comparison of comparisons) await comparison.stop();
    for (const product of products) await product.stop();
    await stack.stop();
    await dropDatabasesWithPrefix(prefix);
    await deleteRedisKeys(queuePrefix);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
