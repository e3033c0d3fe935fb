import { graphqlData, type GraphQLTarget } from '@polyplus/local-stack';

/** One customer's case, and where its lifecycle stands. */
export type BenchCase = { customerId: string; incidentId: string; version: number; status: string };

/** A committed transition: the status it set and when its mutation answered (client clock). */
export type Transition = { incidentId: string; status: string; version: number; answeredAt: number; tookMs: number };

/** A customer with a covered device and one open Severity 3 case, per customer. */
export async function createCases(staff: GraphQLTarget, customers: number): Promise<BenchCase[]> {
  const cases: BenchCase[] = [];
  for (let c = 0; c < customers; c++) {
    const { createCustomer } = await graphqlData<{ createCustomer: { id: string } }>(
      staff,
      'mutation ($name: String!) { createCustomer(input: { name: $name }) { id } }',
      { name: `Lifecycle ${c}` },
    );
    const input = (value: Record<string, unknown>) => ({ input: { customerId: createCustomer.id, ...value } });
    const { createSite } = await graphqlData<{ createSite: { id: string } }>(
      staff,
      'mutation ($input: CreateSiteInput!) { createSite(input: $input) { id } }',
      input({ name: 'HQ', countryCode: 'GB', timeZone: 'Europe/London' }),
    );
    const { addContact } = await graphqlData<{ addContact: { id: string } }>(
      staff,
      'mutation ($input: AddContactInput!) { addContact(input: $input) { id } }',
      input({ email: `tech${c}@lifecycle.example`, name: 'Tech', role: 'TECHNICIAN', designated: true }),
    );
    const { registerDevice } = await graphqlData<{ registerDevice: { id: string } }>(
      staff,
      'mutation ($input: RegisterDeviceInput!) { registerDevice(input: $input) { id } }',
      input({ siteId: createSite.id, serialNumber: `LIFECYCLE-${c}`, productModel: 'Studio X50' }),
    );
    await graphqlData(
      staff,
      'mutation ($input: CreateContractInput!) { createContract(input: $input) { id } }',
      input({ reference: `PP-LC-${c}`, startsOn: '2025-01-01', endsOn: '2099-12-31', deviceIds: [registerDevice.id] }),
    );
    const { openIncident } = await graphqlData<{ openIncident: { id: string; version: number; status: string } }>(
      staff,
      'mutation ($input: OpenIncidentInput!) { openIncident(input: $input) { id version status } }',
      {
        input: { contactId: addContact.id, deviceId: registerDevice.id, severity: 3, channel: 'PHONE', summary: `Lifecycle case ${c}` },
      },
    );
    cases.push({ customerId: createCustomer.id, incidentId: openIncident.id, version: openIncident.version, status: openIncident.status });
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
