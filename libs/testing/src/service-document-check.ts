import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, validate, type GraphQLSchema } from 'graphql';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { isServiceDocument, type AnyServiceDocument, type SubgraphName } from '@polyplus/subgraph-kit';

const REPO_ROOT = join(__dirname, '..', '..', '..');
const schemas = new Map<SubgraphName, GraphQLSchema>();

/**
 * A subgraph's schema as committed in `apps/<name>/schema.graphql` (what `npm run compose` prints),
 * with federation's `_entities` and `_service` as the subgraph serves them.
 */
export function committedSubgraphSchema(name: SubgraphName): GraphQLSchema {
  let schema = schemas.get(name);
  if (!schema) {
    schema = buildSubgraphSchema(parse(readFileSync(join(REPO_ROOT, 'apps', name, 'schema.graphql'), 'utf8')));
    schemas.set(name, schema);
  }
  return schema;
}

/** What graphql-js finds wrong with a document against its callee's committed schema; empty when it is valid. */
export function serviceDocumentErrors(document: AnyServiceDocument): string[] {
  let parsed;
  try {
    parsed = parse(document.text);
  } catch (error) {
    return [(error as Error).message];
  }
  return validate(committedSubgraphSchema(document.callee), parsed).map((error) => error.message);
}

/** Every service document among some modules' exports, as `[export name, document]` rows for `it.each`. */
export function serviceDocumentsIn(...modules: object[]): [string, AnyServiceDocument][] {
  return modules.flatMap((module) =>
    Object.entries(module).filter((entry): entry is [string, AnyServiceDocument] => isServiceDocument(entry[1])),
  );
}
