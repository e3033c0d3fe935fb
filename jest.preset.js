// Shared jest settings: swc keeps decorator metadata (type-graphql, TypeORM need it),
// and the @polyplus/* aliases resolve to each lib's public index.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias.replace('/', '\\/')}$`, path.join(__dirname, target)]),
);

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  setupFiles: [path.join(__dirname, 'tools/jest/setup-reflect-metadata.js')],
  // A marker per run on every test database and key prefix, swept at the end should a set-up fail.
  globalSetup: path.join(__dirname, 'tools/jest/global-setup.js'),
  globalTeardown: path.join(__dirname, 'tools/jest/global-teardown.js'),
  reporters: ['default', path.join(__dirname, 'tools/jest/slow-suites-reporter.js')],
  // Integration tests talk to real MariaDB and Redis on a shared 2-core machine: a busy moment is
  // not a failure. Tests that drive a whole stack say their own, longer, limit.
  testTimeout: 30_000,
};
