import { personalDataPeer, type PersonalDataPeer } from '@polyplus/privacy';
import { createSubgraphClient, subgraphUrl, type SubgraphName } from '@polyplus/subgraph-kit';

/** The other services holding personal data, in the order an export lists them and an erasure visits them. */
export const PERSONAL_DATA_SERVICES: readonly SubgraphName[] = ['devices', 'incidents', 'logistics', 'dispatch', 'notifications'];

/** An erasure rewrites a customer's rows in one transaction per service: allow it time. */
export const PERSONAL_DATA_CALL_TIMEOUT_MS = 120_000;

/** Each service's personal-data fields over its GraphQL API, called as this service (a SERVICE principal). */
export function personalDataPeers(): PersonalDataPeer[] {
  return PERSONAL_DATA_SERVICES.map((name) =>
    personalDataPeer(name, createSubgraphClient(name, subgraphUrl(name), PERSONAL_DATA_CALL_TIMEOUT_MS)),
  );
}
