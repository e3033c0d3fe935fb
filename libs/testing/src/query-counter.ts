import type { DataSource, Logger } from 'typeorm';

/** The SQL statements a data source sent while counting, as TypeORM sent them (values are `?`). */
export type QueryCounter = { readonly statements: readonly string[]; stop(): void };

/**
 * Records every statement `dataSource` sends to the real database until `stop()`: TypeORM's query
 * runners report each one to the data source's logger before sending it, so wrapping that logger
 * sees them all without touching the driver. The original logger still gets every call.
 */
export function countQueries(dataSource: DataSource): QueryCounter {
  const statements: string[] = [];
  const original = dataSource.logger;
  const counting: Logger = Object.assign(Object.create(original) as Logger, {
    logQuery: (query: string, parameters?: unknown[], runner?: Parameters<Logger['logQuery']>[2]) => {
      statements.push(query);
      return original.logQuery(query, parameters, runner);
    },
  });
  // `logger` is read on every query, so swapping it is enough; restored by stop().
  (dataSource as { logger: Logger }).logger = counting;
  return {
    statements,
    stop: () => {
      (dataSource as { logger: Logger }).logger = original;
    },
  };
}
