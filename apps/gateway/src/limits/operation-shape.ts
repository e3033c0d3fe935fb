import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

export type OperationShape = { depth: number; aliases: number };

/**
 * Depth of the deepest field and number of aliased fields of one operation, following fragments
 * (each fragment counted where it is spread, and a fragment cycle counted once). Each fragment is
 * measured once and reused wherever it is spread, so a small document whose fragments spread each
 * other many times over costs no more to measure than to read.
 */
export function operationShape(document: DocumentNode, operation: OperationDefinitionNode): OperationShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const measured = new Map<string, OperationShape>();
  const visiting = new Set<string>();
  // Depth below, and aliases within, one selection set.
  const measure = (selectionSet: SelectionSetNode): OperationShape => {
    let depth = 0;
    let aliases = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) aliases += 1;
        const below = selection.selectionSet ? measure(selection.selectionSet) : { depth: 0, aliases: 0 };
        depth = Math.max(depth, below.depth + 1);
        aliases += below.aliases;
        continue;
      }
      let inner: OperationShape | undefined;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = measure(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || visiting.has(name)) continue;
        inner = measured.get(name);
        if (!inner) {
          visiting.add(name);
          inner = measure(fragment.selectionSet);
          visiting.delete(name);
          measured.set(name, inner);
        }
      }
      depth = Math.max(depth, inner.depth);
      aliases += inner.aliases;
    }
    return { depth, aliases };
  };
  return measure(operation.selectionSet);
}
