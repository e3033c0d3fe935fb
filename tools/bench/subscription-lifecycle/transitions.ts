import { graphqlData, type GraphQLTarget } from '@polyplus/local-stack';
import { createCoveredCustomer } from '@polyplus/testing';

/** One customer's case, and where its lifecycle stands. */
export type BenchCase = { customerId: string; incidentId: string; version: number; status: string };

/** A committed transition: the status it set and when its mutation answered (client clock). */
export type Transition = { incidentId: string; status: string; version: number; answeredAt: number; tookMs: number };

/** A customer with a covered device and one open Severity 3 case, per customer. */
export async function createCases(staff: GraphQLTarget, customers: number): Promise<BenchCase[]> {
  const cases: BenchCase[] = [];
  for (let c = 0; c < customers; c++) {
    const { customerId, contactId, deviceId } = await createCoveredCustomer(staff, {
      name: `Lifecycle ${c}`,
      serial: `LIFECYCLE-${c}`,
      technician: { email: `tech${c}@lifecycle.example` },
      contract: { reference: `PP-LC-${c}` },
    });
    const { openIncident } = await graphqlData<{ openIncident: { id: string; version: number; status: string } }>(
      staff,
      'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id version status } }',
      {
        input: { contactId, deviceId, severity: 3, channel: 'PHONE', summary: `Lifecycle case ${c}` },
      },
    );
    cases.push({ customerId, incidentId: openIncident.id, version: openIncident.version, status: openIncident.status });
  }
  return cases;
}

/** The next step of a case that never ends: responded, then work and workaround in turn. */
function nextStep(status: string): { mutation: string; input: string; extra: Record<string, unknown> } {
  if (status === 'NEW') return { mutation: 'respondToIncident', input: 'IncidentActionInput', extra: {} };
  if (status === 'IN_PROGRESS')
    return { mutation: 'provideWorkaround', input: 'ProvideWorkaroundInput', extra: { workaround: 'Restart the codec' } };
  return { mutation: 'startWorkOnIncident', input: 'IncidentActionInput', extra: {} };
}

/** Moves one case one step on, as a support engineer, against the version last seen. */
export async function transition(staff: GraphQLTarget, kase: BenchCase): Promise<Transition> {
  const step = nextStep(kase.status);
  const started = Date.now();
  const data = await graphqlData<Record<string, { version: number; status: string }>>(
    staff,
    `mutation ($input: ${step.input}!) { ${step.mutation}(input: $input) { version status } }`,
    {
      input: { incidentId: kase.incidentId, expectedVersion: kase.version, ...step.extra },
    },
  );
  const answeredAt = Date.now();
  const { version, status } = data[step.mutation];
  Object.assign(kase, { version, status });
  return { incidentId: kase.incidentId, status, version, answeredAt, tookMs: answeredAt - started };
}

/**
 * `events` transitions at `rate` per second over all cases together, each case in turn; one case's
 * transitions never overlap, so its stream order is its commit order.
 */
export async function driveTransitions(
  staff: GraphQLTarget,
  cases: BenchCase[],
  options: { rate: number; events: number },
): Promise<Transition[]> {
  const done: Transition[] = [];
  const perCaseEveryMs = (cases.length / options.rate) * 1000;
  const started = Date.now();
  let issued = 0;
  await Promise.all(
    cases.map(async (kase, index) => {
      let next = started + (index / cases.length) * perCaseEveryMs;
      while (issued < options.events) {
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
        if (issued >= options.events) return;
        issued++;
        done.push(await transition(staff, kase));
        next += perCaseEveryMs;
      }
    }),
  );
  return done;
}
