import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SERVICE_SCHEMAS } from './services';

const ROOT = join(__dirname, '..', '..', '..');

// Code that only tests run: specs, their helpers and test databases' run marker. The local stack
// (npm start) is scanned too: what it reads to start the services must be theirs to read.
const NOT_A_SERVICE = [
  /\.(integration-|e2e-)?spec\.tsx?$/,
  /\/testing\//,
  /^libs\/testing\//,
  /^libs\/persistence\/src\/test-database\.ts$/,
];

function sources(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function productionSources(): string[] {
  const roots = ['apps', 'libs'].flatMap((top) =>
    readdirSync(join(ROOT, top)).flatMap((project) => ['src', 'server'].map((folder) => join(ROOT, top, project, folder))),
  );
  return roots
    .filter((root) => statSync(root, { throwIfNoEntry: false })?.isDirectory())
    .flatMap(sources)
    .filter((file) => !NOT_A_SERVICE.some((pattern) => pattern.test(relative(ROOT, file))));
}

/** Environment variables a source reads: `env.NAME`, `env['NAME']`, and names handed to a reader of `env[name]`. */
export function variablesRead(source: string): string[] {
  const names = [...source.matchAll(/\benv(?:\.|\[\s*['"`])([A-Z][A-Z0-9_]+)/g)].map((match) => match[1]);
  // A helper that reads `env[name]` gets its names as string literals in the same file.
  if (/\benv\[\s*[a-z]/.test(source))
    names.push(...[...source.matchAll(/['"`]([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)['"`]/g)].map((match) => match[1]));
  return names;
}

// Upper-case literals in a file that reads `env[name]` which are not variables: MySQL's ssl-mode values (mysql-tls.ts).
const NOT_VARIABLES = new Set(['VERIFY_CA', 'VERIFY_IDENTITY']);

describe('every environment variable production code reads is declared in a service schema', () => {
  const declared = new Set(SERVICE_SCHEMAS.flatMap((schema) => Object.keys(schema.entries)));

  it('finds the variables a source reads, however it reads them', () => {
    expect(variablesRead("const a = process.env.MYSQL_URL; const b = env['HOST']; const c = options.env.LOG_LEVEL;")).toEqual([
      'MYSQL_URL',
      'HOST',
      'LOG_LEVEL',
    ]);
    expect(variablesRead("const read = (name) => env[name]; read('MAIL_DIGEST_HOUR');")).toEqual(['MAIL_DIGEST_HOUR']);
  });

  it('leaves no variable undeclared', () => {
    const undeclared = productionSources().flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      return variablesRead(source)
        .filter((name) => !declared.has(name) && !NOT_VARIABLES.has(name))
        .map((name) => `${name} (${relative(ROOT, file)})`);
    });
    expect([...new Set(undeclared)]).toEqual([]);
  });
});
