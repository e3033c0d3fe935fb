import type { DataSource } from 'typeorm';
import type { DatabaseOptions } from '@polyplus/persistence';
import type { FederatedSchema } from './build-federated-schema';
import type { HttpRoutes } from './graphql-http-server';
import type { SubgraphName } from './service-directory';
import { startBackground, stopBackground, type BackgroundPart } from './background/background-part';

/** What a subgraph's services open once its database is: its schema, extra routes and background work. */
export type SubgraphParts = FederatedSchema & {
  /** HTTP endpoints the subgraph serves beside `/graphql`; they verify the gateway's signature themselves. */
  routes?: HttpRoutes;
  /** Started in order with the server, stopped in reverse with it; never started when only printing SDL. */
  background?: readonly BackgroundPart[];
};

/** A subgraph built over a data source, ready to serve. */
export type BuiltSubgraph = Omit<SubgraphParts, 'background'> & {
  /** Starts the background work. */
  start?: () => Promise<void>;
  /** Stops the background work and releases what the services opened (also when never started). */
  close?: () => Promise<void>;
};

export type SubgraphDefinition = {
  name: string;
  /** Its own database: every entity and migration, listed in the subgraph's `<name>-database.ts`. */
  database: Omit<DatabaseOptions, 'database'>;
  /** Builds the subgraph schema and its SDL; SDL printing passes a data source that is never opened. */
  build(dataSource: DataSource): Promise<BuiltSubgraph>;
};

export type SubgraphSpec = {
  name: SubgraphName;
  database: Pick<DatabaseOptions, 'entities' | 'migrations'>;
  /** Wires services to resolvers over the data source; collaborators come from the factory's options. */
  build(dataSource: DataSource): Promise<SubgraphParts>;
};

/** The one way a subgraph is made: name, database, and what `build` wires; the kit runs the background parts. */
export function defineSubgraph(spec: SubgraphSpec): SubgraphDefinition {
  return {
    name: spec.name,
    database: spec.database,
    async build(dataSource) {
      const { background = [], ...parts } = await spec.build(dataSource);
      return {
        ...parts,
        start: async () => {
          await startBackground(background);
        },
        close: () => stopBackground(background),
      };
    },
  };
}
