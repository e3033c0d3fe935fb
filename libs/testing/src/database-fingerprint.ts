import { createConnection } from 'mysql2/promise';
import { parseMysqlUrl } from '@polyplus/persistence';

/**
 * A checksum of every table in the databases whose names start with `prefix` (`db.table` → checksum):
 * two equal fingerprints mean nothing was written in between.
 */
export async function databaseFingerprint(prefix: string): Promise<Record<string, string>> {
  const server = parseMysqlUrl();
  const connection = await createConnection({ host: server.host, port: server.port, user: server.username, password: server.password });
  try {
    const [tables] = await connection.query(
      'SELECT TABLE_SCHEMA AS db, TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA LIKE ? ORDER BY 1, 2',
      [`${prefix}%`],
    );
    const fingerprint: Record<string, string> = {};
    for (const { db, name } of tables as { db: string; name: string }[]) {
      const [rows] = await connection.query(`CHECKSUM TABLE \`${db}\`.\`${name}\``);
      fingerprint[`${db}.${name}`] = String((rows as { Checksum: unknown }[])[0]?.Checksum);
    }
    return fingerprint;
  } finally {
    await connection.end();
  }
}

/** Waits until background work (relays, consumers) has stopped writing: two equal fingerprints in a row. */
export async function quiescentFingerprint(prefix: string, { intervalMs = 1_500, attempts = 40 } = {}): Promise<Record<string, string>> {
  let previous = await databaseFingerprint(prefix);
  for (let attempt = 0; attempt < attempts; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    const current = await databaseFingerprint(prefix);
    if (JSON.stringify(current) === JSON.stringify(previous)) return current;
    previous = current;
  }
  throw new Error(`Databases ${prefix}* kept changing for ${(intervalMs * attempts) / 1000} s`);
}
