import { QueryFailedError } from 'typeorm';

type MysqlDriverError = { code?: string; errno?: number; fatal?: boolean };

function driverError(error: unknown): MysqlDriverError | undefined {
  if (error instanceof QueryFailedError) return error.driverError as MysqlDriverError;
  if (error && typeof error === 'object' && 'code' in error) return error as MysqlDriverError;
  return undefined;
}

export function isDuplicateEntry(error: unknown): boolean {
  return driverError(error)?.code === 'ER_DUP_ENTRY';
}

export function isDeadlock(error: unknown): boolean {
  const code = driverError(error)?.code;
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT';
}

// The server is down, restarting or refusing connections: the same request may succeed shortly.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'ER_SERVER_SHUTDOWN',
  'ER_CON_COUNT_ERROR',
]);
const ER_CONNECTION_KILLED = 1927; // MariaDB's own code, unknown to mysql2's names

/** The database could not be reached or dropped the connection (mysql2 marks those `fatal`), as opposed to a bad query. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const driver = driverError(error);
  if (!driver) return false;
  return driver.fatal === true || UNAVAILABLE_CODES.has(driver.code ?? '') || driver.errno === ER_CONNECTION_KILLED;
}

/** TypeORM does not retry deadlocks (MySQL error 1213): retry the whole unit of work a few times. */
export async function withDeadlockRetry<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isDeadlock(error) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
    }
  }
}
