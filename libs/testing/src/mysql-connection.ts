import { createConnection, type Connection } from 'mysql2/promise';
import { parseMysqlUrl } from '@polyplus/persistence';

/** A mysql2 connection as the stack's MySQL user (MYSQL_URL, else the default), to `database` when one is named. */
export function connectToMysql(database?: string): Promise<Connection> {
  const server = parseMysqlUrl();
  return createConnection({ host: server.host, port: server.port, user: server.username, password: server.password, database });
}
