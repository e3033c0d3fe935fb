import { port, url } from '../entries';
import type { Entry } from '../entry';

/** The subgraphs and the ports they listen on by default. */
export const SUBGRAPH_PORTS = {
  customers: 4001,
  devices: 4002,
  incidents: 4003,
  logistics: 4004,
  dispatch: 4005,
  notifications: 4006,
} as const;

export type SubgraphName = keyof typeof SUBGRAPH_PORTS;

type Directory = Record<string, Entry<unknown>>;

const addressEntries = (name: SubgraphName) => {
  const NAME = name.toUpperCase();
  return {
    port: {
      name: `${NAME}_PORT`,
      entry: port({ default: SUBGRAPH_PORTS[name], description: `The port the ${name} subgraph listens on.` }),
    },
    url: {
      name: `${NAME}_URL`,
      entry: url({
        protocols: ['http', 'https'],
        defaultNote: `http://127.0.0.1:<${NAME}_PORT>/graphql`,
        description: `The ${name} subgraph’s GraphQL endpoint.`,
      }),
    },
  };
};

const ADDRESSES = Object.fromEntries((Object.keys(SUBGRAPH_PORTS) as SubgraphName[]).map((name) => [name, addressEntries(name)])) as Record<
  SubgraphName,
  ReturnType<typeof addressEntries>
>;

/** A subgraph's `<NAME>_PORT` (where it listens) and `<NAME>_URL` (where others reach it). */
export function subgraphAddressEntries(name: SubgraphName): ReturnType<typeof addressEntries> {
  return ADDRESSES[name];
}

/** Every subgraph's address, for the gateway and for subgraphs calling each other. */
export const subgraphDirectoryGroup: Directory = Object.fromEntries(
  Object.values(ADDRESSES).flatMap(({ port: listen, url: reach }) => [
    [listen.name, listen.entry],
    [reach.name, reach.entry],
  ]),
);

/** Where the web page servers reach the gateway. */
export const gatewayAddressGroup = {
  GATEWAY_PORT: port({ default: 4000, description: 'The gateway’s port.' }),
  GATEWAY_URL: url({
    protocols: ['http', 'https'],
    defaultNote: 'http://127.0.0.1:<GATEWAY_PORT>/graphql',
    description: 'The gateway’s GraphQL endpoint the page relays to.',
  }),
} as const;
