import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';

// A flag on the transaction's query runner: set by appendToOutbox, read once its COMMIT returned.
const APPENDED = Symbol('outbox-appended');

type Flagged = { [APPENDED]?: boolean };

/** Notes that the transaction of `manager` wrote outbox rows (a manager outside a transaction has nothing to wait for). */
export function markOutboxAppended(manager: EntityManager): void {
  const runner = manager.queryRunner;
  if (runner?.isTransactionActive) (runner.data as Flagged)[APPENDED] = true;
}

/**
 * Calls `onCommit` right after a transaction of `dataSource` that appended outbox rows commits:
 * the rows are visible to the relay from then on, so it need not wait for its next poll. Fires on
 * the outermost COMMIT only (an inner savepoint release commits nothing yet); a rollback forgets
 * the flag. Returns a function that removes the hook.
 */
export function onOutboxCommit(dataSource: DataSource, onCommit: () => void): () => void {
  const take = (runner: QueryRunner) => {
    const data = runner.data as Flagged;
    const appended = data[APPENDED] === true;
    if (!runner.isTransactionActive) delete data[APPENDED];
    return appended && !runner.isTransactionActive;
  };
  const subscriber: EntitySubscriberInterface = {
    afterTransactionCommit: ({ queryRunner }) => {
      if (take(queryRunner)) onCommit();
    },
    afterTransactionRollback: ({ queryRunner }) => void take(queryRunner),
  };
  // TypeORM's broadcaster reads this list at every transaction, so a hook added after start-up counts.
  dataSource.subscribers.push(subscriber);
  return () => {
    const index = dataSource.subscribers.indexOf(subscriber);
    if (index >= 0) dataSource.subscribers.splice(index, 1);
  };
}
