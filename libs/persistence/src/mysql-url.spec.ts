import { mysqlServerFor, serviceMysqlUrlVariable } from './mysql-url';

describe('a database server per subgraph', () => {
  const shared = { MYSQL_URL: 'mysql://app:shared@db-shared:3306' };

  it('<SUBGRAPH>_MYSQL_URL moves that subgraph’s database to its own server; the others stay on MYSQL_URL', () => {
    const env = { ...shared, INCIDENTS_MYSQL_URL: 'mysql://incidents:s%3Acret@incidents-db.internal:3307' };
    expect(mysqlServerFor('incidents', env)).toEqual({
      host: 'incidents-db.internal',
      port: 3307,
      username: 'incidents',
      password: 's:cret',
    });
    expect(mysqlServerFor('customers', env)).toEqual({ host: 'db-shared', port: 3306, username: 'app', password: 'shared' });
  });

  it('without either, the local default server', () => {
    expect(mysqlServerFor('dispatch', {})).toEqual({ host: '127.0.0.1', port: 3306, username: 'root', password: '' });
  });

  it('a bad per-subgraph URL is refused naming its variable', () => {
    expect(serviceMysqlUrlVariable('logistics')).toBe('LOGISTICS_MYSQL_URL');
    expect(() => mysqlServerFor('logistics', { LOGISTICS_MYSQL_URL: 'postgres://x' })).toThrow(
      /^LOGISTICS_MYSQL_URL must start with mysql:\/\//,
    );
  });
});
