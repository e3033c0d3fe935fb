/** The six subgraphs and the port each listens on by default (override with `<NAME>_PORT`). */
export const SUBGRAPH_PORTS = {
  customers: 4001,
  devices: 4002,
  incidents: 4003,
  logistics: 4004,
  dispatch: 4005,
  notifications: 4006,
} as const;

export type SubgraphName = keyof typeof SUBGRAPH_PORTS;

export const SUBGRAPH_NAMES = Object.keys(SUBGRAPH_PORTS) as SubgraphName[];

export const GATEWAY_PORT = 4000;

export function subgraphPort(name: SubgraphName, env: NodeJS.ProcessEnv = process.env): number {
  return Number(env[`${name.toUpperCase()}_PORT`] ?? SUBGRAPH_PORTS[name]);
}

/** Where a subgraph is reached: `<NAME>_URL`, else localhost on its port. */
export function subgraphUrl(name: SubgraphName, env: NodeJS.ProcessEnv = process.env): string {
  return env[`${name.toUpperCase()}_URL`] ?? `http://127.0.0.1:${subgraphPort(name, env)}/graphql`;
}
