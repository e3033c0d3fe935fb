// Compiles one app's Node entry point to plain JavaScript in dist/apps/<app>/, runnable with
// `node dist/apps/<app>/main.js` and no transpiler:
//
//   node tools/build/build-node-app.mjs <app> --entry <path.ts> [--asset <file>]...
//
// swc compiles each file the entry reaches (relative imports and @polyplus/* aliases, resolved to
// relative paths with the aliases of tsconfig.base.json), with the legacy decorators and decorator
// metadata type-graphql and TypeORM read, exactly as jest and `npm start` compile them. A module
// that starts a sibling in a worker thread (`join(__dirname, '<name>.js')`) takes that sibling along.
// The output mirrors the repository's layout (dist/apps/<app>/apps/..., dist/apps/<app>/libs/...),
// so paths a module computes from __dirname (the supergraph beside the gateway) stay right; assets
// are copied to the same relative place. Type-checking is `npm run check`'s (tsc over the tree).
//
// The build fails when compiled code requires a package that is not a production dependency in
// package.json: the runtime image installs those only.
import { transformFile } from '@swc/core';
import { builtinModules } from 'node:module';
import { copyFile, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

function parseArguments(argv) {
  const [app, ...rest] = argv;
  const options = { app, entries: [], assets: [] };
  for (let i = 0; i < rest.length; i += 2) {
    const [flag, value] = [rest[i], rest[i + 1]];
    if (flag === '--entry' && value) options.entries.push(value);
    else if (flag === '--asset' && value) options.assets.push(value);
    else throw new Error(`Unknown argument ${flag}`);
  }
  if (!app || options.entries.length === 0) {
    throw new Error('Usage: node tools/build/build-node-app.mjs <app> --entry <path.ts> [--asset <file>]...');
  }
  return options;
}

async function swcOptions() {
  const { compilerOptions } = JSON.parse(await readFile(join(ROOT, 'tsconfig.base.json'), 'utf8'));
  return {
    swcrc: false,
    configFile: false,
    sourceMaps: true,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      baseUrl: ROOT,
      paths: compilerOptions.paths,
    },
    module: { type: 'commonjs' },
  };
}

async function isFile(path) {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** The TypeScript file a relative require names: `x.ts`, or `x/index.ts`. */
async function resolveSource(fromFile, specifier) {
  const base = resolve(dirname(fromFile), specifier);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    if (candidate.endsWith('.ts') && (await isFile(candidate))) return candidate;
  }
  return null;
}

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

async function build({ app, entries, assets }) {
  const started = Date.now();
  const outDir = join(ROOT, 'dist', 'apps', app);
  // Only what this build writes is replaced: a web page's static files (public/) or the gateway's
  // IDE (graphiql/) are built beside it by their own step.
  await Promise.all(['apps', 'libs', 'main.js'].map((entry) => rm(join(outDir, entry), { recursive: true, force: true })));
  const options = await swcOptions();
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
  const production = new Set(Object.keys(pkg.dependencies ?? {}));
  const builtins = new Set(builtinModules);
  const packages = new Map();
  const queue = entries.map((entry) => resolve(ROOT, entry));
  const seen = new Set(queue);
  while (queue.length > 0) {
    const batch = queue.splice(0, queue.length);
    await Promise.all(
      batch.map(async (file) => {
        const output = await transformFile(file, {
          ...options,
          filename: file,
          sourceFileName: relative(join(outDir, relative(ROOT, dirname(file))), file),
        });
        const target = join(outDir, relative(ROOT, file)).replace(/\.ts$/, '.js');
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, `${output.code}\n//# sourceMappingURL=${target.split(sep).pop()}.map\n`);
        await writeFile(`${target}.map`, output.map);
        const source = await readFile(file, 'utf8');
        const siblings = [...source.matchAll(/join\(__dirname, '([\w.-]+)\.js'\)/g)].map((match) => `./${match[1]}`);
        const required = [...output.code.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1]);
        for (const specifier of [...required, ...siblings]) {
          if (specifier.startsWith('.')) {
            const next = await resolveSource(file, specifier);
            if (!next) throw new Error(`${relative(ROOT, file)}: cannot resolve ${specifier}`);
            if (!seen.has(next)) {
              seen.add(next);
              queue.push(next);
            }
          } else if (!builtins.has(specifier.replace(/^node:/, '')) && !specifier.startsWith('node:')) {
            const name = packageName(specifier);
            if (!packages.has(name)) packages.set(name, relative(ROOT, file));
          }
        }
      }),
    );
  }
  const missing = [...packages].filter(([name]) => !production.has(name));
  if (missing.length > 0) {
    throw new Error(
      `${app} requires packages that are not production dependencies in package.json:\n${missing.map(([name, file]) => `  ${name} (from ${file})`).join('\n')}`,
    );
  }
  for (const asset of assets) {
    const target = join(outDir, asset);
    await mkdir(dirname(target), { recursive: true });
    await copyFile(join(ROOT, asset), target);
  }
  const main = relative(ROOT, resolve(ROOT, entries[0])).replace(/\.ts$/, '.js').split(sep).join('/');
  await writeFile(
    join(outDir, 'main.js'),
    `'use strict';\n// ${app}, compiled from ${entries[0]} by tools/build/build-node-app.mjs.\nprocess.setSourceMapsEnabled(true);\nrequire('./${main}');\n`,
  );
  console.log(`${app}: ${seen.size} modules → ${relative(ROOT, outDir)}/main.js in ${Date.now() - started} ms`);
}

build(parseArguments(process.argv.slice(2))).catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
