import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// Module boundaries are enforced for real: libs never import apps, util libs import only utils,
// a subgraph app never imports another subgraph app (they meet only through federation keys), and
// web pages share only UI libs (type:ui) and utilities.
export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/tmp/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:util', 'type:testing'],
            },
            {
              sourceTag: 'type:e2e',
              onlyDependOnLibsWithTags: ['type:app', 'type:feature', 'type:data-access', 'type:util', 'type:testing'],
            },
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:util'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:util'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:testing', 'type:data-access', 'type:util'] },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util'] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
            { sourceTag: 'scope:customers', onlyDependOnLibsWithTags: ['scope:customers', 'scope:shared'] },
            { sourceTag: 'scope:devices', onlyDependOnLibsWithTags: ['scope:devices', 'scope:shared'] },
            { sourceTag: 'scope:incidents', onlyDependOnLibsWithTags: ['scope:incidents', 'scope:shared'] },
            { sourceTag: 'scope:logistics', onlyDependOnLibsWithTags: ['scope:logistics', 'scope:shared'] },
            { sourceTag: 'scope:dispatch', onlyDependOnLibsWithTags: ['scope:dispatch', 'scope:shared'] },
            { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:gateway', 'scope:shared'] },
            { sourceTag: 'scope:support-center', onlyDependOnLibsWithTags: ['scope:support-center', 'scope:shared'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
        {
          selector: "CallExpression[callee.object.name=/^(it|describe|test)$/][callee.property.name='only']",
          message: 'No .only in tests.',
        },
      ],
    },
  },
  // Typed linting: a promise nobody awaits is an error nobody sees (and, in a test, a check that may
  // never run before the test ends). The project service gives each file the program of its nearest
  // tsconfig.json; the web pages' browser code has no tsconfig.json of its own (its DOM/JSX settings
  // are in tsconfig.app.json and tsconfig.spec.json, the GraphiQL page's in tsconfig.graphiql.json),
  // so those files name theirs.
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['apps/dispatch-board/src/**/*.ts', 'apps/dispatch-board/src/**/*.tsx'],
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: ['apps/dispatch-board/tsconfig.app.json', 'apps/dispatch-board/tsconfig.spec.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    files: ['apps/support-center/src/**/*.ts', 'apps/support-center/src/**/*.tsx'],
    languageOptions: {
      parserOptions: {
        projectService: false,
        project: ['apps/support-center/tsconfig.app.json', 'apps/support-center/tsconfig.spec.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    files: ['apps/gateway/graphiql/**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: false, project: ['apps/gateway/tsconfig.graphiql.json'], tsconfigRootDir: import.meta.dirname },
    },
  },
  // tools/ sits above the apps (tools → apps → libs): the supergraph composer, the migration generator
  // and the benchmarks load an app's own modules by relative path, which Nx refuses for any app
  // unless allowed. Only tools may: apps still never import each other, libs never import apps.
  {
    files: ['tools/**/*.ts', 'tools/**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: ['^(\\.\\./)+apps/[a-z-]+/src/'],
          depConstraints: [
            {
              sourceTag: 'type:tool',
              onlyDependOnLibsWithTags: ['type:app', 'type:feature', 'type:data-access', 'type:util', 'type:testing'],
            },
          ],
        },
      ],
    },
  },
  // Logs are data: production code logs through its service's logger (@polyplus/logger), never the
  // console. Not covered: tests, test harness processes (src/testing), the libs that run the stack for
  // `npm start` and tests (local-stack, mail-sink, testing), command-line tools and browser code.
  {
    files: ['apps/*/src/**/*.ts', 'apps/*/server/**/*.ts', 'libs/*/src/**/*.ts'],
    ignores: [
      '**/*.spec.ts',
      '**/*.integration-spec.ts',
      '**/*.e2e-spec.ts',
      '**/src/testing/**',
      '**/src/cli/**',
      'libs/local-stack/**',
      'libs/mail-sink/**',
      'libs/testing/**',
      'libs/web-ui/**',
      'apps/dispatch-board/src/**',
      'apps/support-center/src/**',
    ],
    rules: { 'no-console': 'error' },
  },
];
