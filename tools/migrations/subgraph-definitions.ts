import type { SubgraphDefinition } from '@polyplus/subgraph-kit';

/** Each subgraph's definition, loaded on demand so a tool only pulls in the subgraph it works on. */
export const SUBGRAPH_DEFINITIONS: Record<string, () => Promise<SubgraphDefinition>> = {
  customers: async () => (await import('../../apps/customers/src/customers-subgraph')).customersSubgraph,
  devices: async () => (await import('../../apps/devices/src/devices-subgraph')).devicesSubgraph,
  incidents: async () => (await import('../../apps/incidents/src/incidents-subgraph')).incidentsSubgraph,
  logistics: async () => (await import('../../apps/logistics/src/logistics-subgraph')).logisticsSubgraph,
  dispatch: async () => (await import('../../apps/dispatch/src/dispatch-subgraph')).dispatchSubgraph,
  notifications: async () => (await import('../../apps/notifications/src/notifications-subgraph')).notificationsSubgraph,
};

export async function loadSubgraphDefinition(name: string): Promise<SubgraphDefinition> {
  const load = SUBGRAPH_DEFINITIONS[name];
  if (!load) throw new Error(`Unknown subgraph ${name}; known: ${Object.keys(SUBGRAPH_DEFINITIONS).join(', ')}`);
  return load();
}
