/** A place a searched value was found: the database, table and column, and the row holding it. */
export type Occurrence = { database: string; table: string; column: string; value: string; row: Record<string, unknown> };

export type Query = (sql: string, params?: unknown[]) => Promise<unknown>;

const TEXT_TYPES = ['char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext', 'json', 'enum', 'set'];
const quote = (identifier: string) => `\`${identifier.replace(/`/g, '``')}\``;

/**
 * Every occurrence of the values, case-insensitively, in every text column of every table of the
 * databases: the proof that an erasure left nothing of a person behind.
 */
export async function findValues(query: Query, databases: readonly string[], values: readonly string[]): Promise<Occurrence[]> {
  if (databases.length === 0 || values.length === 0) return [];
  const columns = (await query(
    `SELECT TABLE_SCHEMA AS db, TABLE_NAME AS tableName, COLUMN_NAME AS columnName FROM information_schema.COLUMNS WHERE TABLE_SCHEMA IN (${databases.map(() => '?').join(', ')}) AND DATA_TYPE IN (${TEXT_TYPES.map(() => '?').join(', ')}) ORDER BY 1, 2, ORDINAL_POSITION`,
    [...databases, ...TEXT_TYPES],
  )) as { db: string; tableName: string; columnName: string }[];
  const found: Occurrence[] = [];
  for (const { db, tableName, columnName } of columns) {
    for (const value of values) {
      const rows = (await query(`SELECT * FROM ${quote(db)}.${quote(tableName)} WHERE ${quote(columnName)} LIKE ?`, [
        `%${value.replace(/[\\%_]/g, (char) => `\\${char}`)}%`,
      ])) as Record<string, unknown>[];
      for (const row of rows) found.push({ database: db, table: tableName, column: columnName, value, row });
    }
  }
  return found;
}
