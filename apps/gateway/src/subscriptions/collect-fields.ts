import {
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export type Fragments = ReadonlyMap<string, FragmentDefinitionNode>;

/** A response key and the field nodes that fill it (several when a query repeats a field). */
export type CollectedField = { responseKey: string; name: string; nodes: FieldNode[] };

function included(node: Parameters<typeof getDirectiveValues>[1], variables: Record<string, unknown>): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}

/**
 * The fields a selection set asks for on one object type, in response order, through inline
 * fragments and fragment spreads, honouring @skip/@include — what graphql-js's own `collectFields`
 * does (not public API). The payload types served here are object types no interface or union
 * contains, so every fragment that passed validation applies.
 */
export function collectFields(selectionSet: SelectionSetNode, fragments: Fragments, variables: Record<string, unknown>): CollectedField[] {
  const byKey = new Map<string, CollectedField>();
  const visited = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (!included(selection, variables)) continue;
      if (selection.kind === Kind.FIELD) {
        const responseKey = selection.alias?.value ?? selection.name.value;
        const field = byKey.get(responseKey) ?? { responseKey, name: selection.name.value, nodes: [] };
        field.nodes.push(selection);
        byKey.set(responseKey, field);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet);
      } else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  walk(selectionSet);
  return [...byKey.values()];
}
