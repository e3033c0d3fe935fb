import { graphqlData } from '@polyplus/local-stack';
import type { GatewayAs } from './e2e-stack';

export type CommittedStep = { status: string; version: number };

/**
 * Moves a case one step along a lifecycle that never ends, as support staff, against the version last seen:
 * step 0 responds, odd steps start work, even steps provide a workaround. Answers the status and version committed.
 */
export async function flapCase(
  staff: GatewayAs,
  incidentId: string,
  expectedVersion: number,
  step: number,
  workaround = 'Restart the codec',
): Promise<CommittedStep> {
  const [mutation, input] =
    step === 0
      ? ['respondToIncident', 'IncidentActionInput']
      : step % 2 === 1
        ? ['startWorkOnIncident', 'IncidentActionInput']
        : ['provideWorkaround', 'ProvideWorkaroundInput'];
  const extra = input === 'ProvideWorkaroundInput' ? { workaround, fixExpectedInRelease: '10.2' } : {};
  const data = await graphqlData<Record<string, CommittedStep>>(
    staff,
    `mutation ($input: ${input}!) { ${mutation}(input: $input) { status version } }`,
    { input: { incidentId, expectedVersion, ...extra } },
  );
  return data[mutation];
}
