import { gatewayAddressGroup, readEntry, SUBGRAPH_PORTS, subgraphAddressEntries, type SubgraphName } from '@polyplus/config';

/** The six subgraphs and the port each listens on by default (override with `<NAME>_PORT`): the schema's defaults. */
export { SUBGRAPH_PORTS, type SubgraphName };

export const SUBGRAPH_NAMES = Object.keys(SUBGRAPH_PORTS) as SubgraphName[];

export const GATEWAY_PORT = Number(gatewayAddressGroup.GATEWAY_PORT.defaultText);

/** `<NAME>_PORT` of the schemas (docs/configuration.md). @throws ConfigError naming the variable */
export function subgraphPort(name: SubgraphName, env: NodeJS.ProcessEnv = process.env): number {
  const { port } = subgraphAddressEntries(name);
  return readEntry(port.name, port.entry, env) as number;
}

/** Where a subgraph is reached: `<NAME>_URL`, else localhost on its port. @throws ConfigError naming the variable */
export function subgraphUrl(name: SubgraphName, env: NodeJS.ProcessEnv = process.env): string {
  const { url } = subgraphAddressEntries(name);
  return (readEntry(url.name, url.entry, env) as string | undefined) ?? `http://127.0.0.1:${subgraphPort(name, env)}/graphql`;
}
