import type { DataSource } from 'typeorm';
import type { GraphQLSchema } from 'graphql';
import type { SubgraphName } from '@polyplus/subgraph-kit';
import {
  inProcessClient,
  personalDataPeer,
  unclassifiedTables,
  type ErasureSubject,
  type PersonalDataMap,
  type PersonalDataPeer,
} from '@polyplus/privacy';
import { databaseFingerprint } from './database-fingerprint';
import { TEST_SUPPORT_ENGINEER } from './execute-operation';

/** The tables of a service's entities that its personal-data map leaves out, and the tables it names that do not exist. */
export function unclassifiedEntityTables(dataSource: DataSource, map: PersonalDataMap): { unclassified: string[]; unknown: string[] } {
  return unclassifiedTables(
    dataSource.entityMetadatas.map((entity) => entity.tableName),
    map,
  );
}

/** Erases a subject once more: what the service answers, and the database's fingerprint before and after (equal: nothing written). */
export async function eraseAgain(peer: PersonalDataPeer, subject: ErasureSubject, database: string) {
  const before = await databaseFingerprint(database);
  const result = await peer.erase(subject);
  return { result, before, after: await databaseFingerprint(database) };
}

/** A service's personal-data fields called by support staff rather than the customers service: they must refuse. */
export function staffPersonalDataPeer(service: SubgraphName, schema: GraphQLSchema): PersonalDataPeer {
  return personalDataPeer(service, inProcessClient(schema, TEST_SUPPORT_ENGINEER));
}
