import { Kind, parse, print, type DefinitionNode, type DocumentNode } from 'graphql';

/** The root fields of the test clock (served by the incidents subgraph outside production). */
export const TEST_CLOCK_ROOT_FIELDS: Readonly<Record<'Query' | 'Mutation', readonly string[]>> = Object.freeze({
  Query: ['testClock'],
  Mutation: ['setTestClock', 'resetTestClock'],
});

/** The types only the test clock uses. */
export const TEST_CLOCK_TYPES: readonly string[] = ['TestClock', 'TestClockMode', 'SetTestClockInput'];

const ROOTS = new Set<string>(Object.keys(TEST_CLOCK_ROOT_FIELDS));

function withoutTestClockDefinition(definition: DefinitionNode): DefinitionNode | null {
  if (!('name' in definition) || !definition.name) return definition;
  const name = definition.name.value;
  if (TEST_CLOCK_TYPES.includes(name)) return null;
  if (!ROOTS.has(name) || (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION))
    return definition;
  const hidden = TEST_CLOCK_ROOT_FIELDS[name as 'Query' | 'Mutation'];
  return { ...definition, fields: definition.fields?.filter((field) => !hidden.includes(field.name.value)) };
}

/**
 * The supergraph without the test clock: what a production gateway serves, so `setTestClock` and
 * its types are absent from the API (an operation naming them fails validation before any
 * subgraph is called). The subgraphs leave them out in production too.
 */
export function withoutTestClock(supergraphSdl: string): string {
  const document = parse(supergraphSdl);
  const definitions = document.definitions
    .map(withoutTestClockDefinition)
    .filter((definition): definition is DefinitionNode => definition !== null);
  return `${print({ ...document, definitions } as DocumentNode)}\n`;
}
