import type { DataSource } from 'typeorm';
import { onScrape, scrapeTimeGauge } from './scrape-time';

const connections = scrapeTimeGauge({
  name: 'polyplus_db_pool_connections',
  help: 'Connections of the database pool, by state (in_use, idle) and the pool size (max).',
  labelNames: ['database', 'state'],
});

const waiting = scrapeTimeGauge({
  name: 'polyplus_db_pool_waiting_requests',
  help: 'Queries waiting for a free connection of the database pool.',
  labelNames: ['database'],
});

/** The parts of mysql2's pool read here (its queues have a length; the limit is in its config). */
type Mysql2Pool = {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
  config?: { connectionLimit?: number };
};

/** Reads the mysql2 pool of a TypeORM data source at each scrape, until the returned function is called. */
export function watchDbPool(dataSource: DataSource): () => void {
  const database = String(dataSource.options.database ?? 'default');
  return onScrape(
    'db_pool',
    async () => {
      // mysql2 publishes no pool statistics: these are its own counters (stable across 3.x).
      const pool = (dataSource.driver as unknown as { pool?: Mysql2Pool }).pool;
      if (!pool?._allConnections || !pool._freeConnections) return;
      const idle = pool._freeConnections.length;
      connections.set({ database, state: 'in_use' }, pool._allConnections.length - idle);
      connections.set({ database, state: 'idle' }, idle);
      if (pool.config?.connectionLimit !== undefined) connections.set({ database, state: 'max' }, pool.config.connectionLimit);
      waiting.set({ database }, pool._connectionQueue?.length ?? 0);
    },
    { first: true },
  ); // before the other readings, whose own queries (the outbox's) would count as in use
}
