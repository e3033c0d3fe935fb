import { oneOf, text, url } from '../entries';

const SSL_MODES = ['DISABLED', 'REQUIRED', 'VERIFY_CA', 'VERIFY_IDENTITY'] as const;

/** The MySQL server every subgraph's database lives on unless the subgraph has its own (`mysqlUrlOf`). */
export const mysqlGroup = {
  MYSQL_URL: url({
    protocols: ['mysql'],
    default: 'mysql://root@127.0.0.1:3306',
    description: 'The MySQL (or MariaDB) server; ?ssl-mode=, ssl-ca=, ssl-cert=, ssl-key= set TLS for this server.',
  }),
  MYSQL_DATABASE_PREFIX: text({
    pattern: /^[A-Za-z0-9_]*$/,
    form: 'letters, digits and underscores',
    default: 'polyplus_',
    description: 'Prefix of each subgraph’s database name (polyplus_<subgraph>).',
  }),
  MYSQL_SSL_MODE: oneOf({
    values: SSL_MODES,
    caseInsensitive: true,
    description: 'TLS to MySQL when the URL does not say.',
    defaultNote: 'VERIFY_IDENTITY when a certificate file is set, else DISABLED',
  }),
  MYSQL_SSL_CA: text({ form: 'a file path', description: 'PEM file of the CA that signed the MySQL server’s certificate.' }),
  MYSQL_SSL_CERT: text({ form: 'a file path', description: 'PEM client certificate for MySQL (with MYSQL_SSL_KEY).' }),
  MYSQL_SSL_KEY: text({ form: 'a file path', description: 'PEM key of the MySQL client certificate.' }),
} as const;

/** `<SERVICE>_MYSQL_URL`: a subgraph's own database server, overriding MYSQL_URL for it. */
export function mysqlUrlOf<S extends string>(service: S) {
  const entry = url({
    protocols: ['mysql'],
    description: `The ${service} database’s own server, when it is not MYSQL_URL’s.`,
    defaultNote: 'MYSQL_URL',
  });
  return { [`${service.toUpperCase()}_MYSQL_URL`]: entry } as Record<`${Uppercase<S>}_MYSQL_URL`, typeof entry>;
}
