/**
 * Collects the calls made in one tick (graphql-js resolves a list's fields together) and runs
 * them as one batch: one service-to-service request for a list of devices instead of one each.
 */
export function tickBatcher<T, R>(run: (items: T[]) => Promise<R[]>): (item: T) => Promise<R> {
  let pending: { item: T; resolve: (value: R) => void; reject: (error: unknown) => void }[] = [];
  return (item: T) =>
    new Promise<R>((resolve, reject) => {
      if (pending.length === 0) {
        setImmediate(() => {
          const batch = pending;
          pending = [];
          run(batch.map((entry) => entry.item)).then(
            (results) => batch.forEach((entry, index) => entry.resolve(results[index])),
            (error) => batch.forEach((entry) => entry.reject(error)),
          );
        });
      }
      pending.push({ item, resolve, reject });
    });
}
