import DataLoader from 'dataloader';

/** Loads the entities among `ids` that exist, in any order; ids that name nothing are simply absent. */
export type EntitiesByIds<T extends { id: string }> = (ids: string[]) => Promise<readonly T[]>;

/** A reference resolver that answers every representation of one `_entities` call with one look-up. */
export type BatchedReference = { readonly byIds: EntitiesByIds<{ id: string }> };

/**
 * Declares an entity's `__resolveReference` as one look-up of many ids (`WHERE id IN (…)`): the
 * gateway sends one `_entities` call per hop with a representation per parent, and resolving them one
 * by one made that a query per representation.
 */
export function byIds<T extends { id: string }>(load: EntitiesByIds<T>): BatchedReference {
  return { byIds: load };
}

export function isBatchedReference(value: unknown): value is BatchedReference {
  return typeof value === 'object' && value !== null && typeof (value as BatchedReference).byIds === 'function';
}

/**
 * The per-representation `__resolveReference` that `@apollo/subgraph` calls, backed by one loader per
 * request (keyed by the request's context object, so callers never share a batch). `_entities` calls
 * the resolver for every representation in the same tick, so they all land in one `byIds`. Nothing is
 * cached between batches: a context that outlives one operation never sees a stale entity.
 */
export function batchedReferenceResolver(
  reference: BatchedReference,
): (representation: { id: unknown }, context: unknown) => Promise<unknown> {
  const loaders = new WeakMap<object, DataLoader<string, unknown>>();
  const newLoader = () =>
    new DataLoader<string, unknown>(
      async (ids) => {
        const found = await reference.byIds([...new Set(ids)]);
        const byId = new Map(found.map((entity) => [String(entity.id), entity]));
        return ids.map((id) => byId.get(id) ?? null);
      },
      { cache: false },
    );
  return (representation, context) => {
    const id = String(representation.id);
    if (typeof context !== 'object' || context === null) return newLoader().load(id);
    let loader = loaders.get(context);
    if (!loader) {
      loader = newLoader();
      loaders.set(context, loader);
    }
    return loader.load(id);
  };
}
