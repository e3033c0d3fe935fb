import { port, url } from '../entries';
import type { Entry } from '../entry';

/** The subgraphs and the ports they listen on by default. */
export const SUBGRAPH_PORTS = { customers: 4001, devices: 4002, incidents: 4003, logistics: 4004, dispatch: 4005, notifications: 4006 } as const;

export type SubgraphName = keyof typeof SUBGRAPH_PORTS;

type Directory = Record<string, Entry<unknown>>;

/** `<NAME>_PORT`: where a subgraph listens. */
export function subgraphPortOf(name: SubgraphName): Directory {
  return { [`${name.toUpperCase()}_PORT`]: port({ default: SUBGRAPH_PORTS[name], description: `The port the ${name} subgraph listens on.` }) };
}

/** Every subgraph's address, for the gateway and for subgraphs calling each other. */
export const subgraphDirectoryGroup: Directory = Object.fromEntries(
  (Object.keys(SUBGRAPH_PORTS) as SubgraphName[]).flatMap((name) => [
    ...Object.entries(subgraphPortOf(name)),
    [`${name.toUpperCase()}_URL`, url({ protocols: ['http', 'https'], defaultNote: `http://127.0.0.1:<${name.toUpperCase()}_PORT>/graphql`, description: `The ${name} subgraph’s GraphQL endpoint.` })],
  ]),
);

/** Where the web page servers reach the gateway. */
export const gatewayAddressGroup = {
  GATEWAY_PORT: port({ default: 4000, description: 'The gateway’s port.' }),
  GATEWAY_URL: url({ protocols: ['http', 'https'], defaultNote: 'http://127.0.0.1:<GATEWAY_PORT>/graphql', description: 'The gateway’s GraphQL endpoint the page relays to.' }),
} as const;
