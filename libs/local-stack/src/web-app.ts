import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/** The web pages the stack builds with Vite and serves: the planners' board and the customers' portal. */
export type WebAppName = 'dispatch-board' | 'support-center';

type WebApp = { entry: string; portVariable: string; rootVariable: string };

const WEB_APPS: Record<WebAppName, WebApp> = {
  'dispatch-board': { entry: 'apps/dispatch-board/server/main.ts', portVariable: 'BOARD_PORT', rootVariable: 'BOARD_ROOT' },
  'support-center': {
    entry: 'apps/support-center/server/main.ts',
    portVariable: 'SUPPORT_CENTER_PORT',
    rootVariable: 'SUPPORT_CENTER_ROOT',
  },
};

// A page is built from its own sources and the UI lib every page shares.
const SHARED_SOURCES = [join(ROOT, 'libs', 'web-ui', 'src')];

function newestChange(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
}

/** Where a page's static files are built (`nx build <app>` compiles its server beside them). */
function distOf(app: WebAppName): string {
  return join(ROOT, 'dist', 'apps', app, 'public');
}

/** Builds a page's static files with Vite unless the last build is newer than every source (`force` always builds). */
export function buildWebApp(app: WebAppName, options: { force?: boolean; log?: (line: string) => void } = {}): Promise<void> {
  const appDir = join(ROOT, 'apps', app);
  return buildWithVite({
    label: app,
    config: join(appDir, 'vite.config.mts'),
    sources: [...['src', 'index.html', 'vite.config.mts'].map((entry) => join(appDir, entry)), ...SHARED_SOURCES],
    built: join(distOf(app), 'index.html'),
    ...options,
  });
}

/** Runs `vite build` with `config` unless `built` is newer than every file under `sources` (`force` always builds). */
export async function buildWithVite(build: {
  label: string;
  config: string;
  sources: string[];
  built: string;
  force?: boolean;
  log?: (line: string) => void;
}): Promise<void> {
  const builtAt = statSync(build.built, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (!build.force && builtAt > Math.max(...build.sources.map(newestChange))) return;
  const output: string[] = [];
  const child = spawn(
    process.execPath,
    [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', build.config, '--logLevel', 'warn'],
    {
      cwd: ROOT,
      // A production bundle even when called from a test runner (jest sets NODE_ENV=test).
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`${build.label} build failed (exit ${code}):\n${output.join('')}`);
  build.log?.(`[${build.label}] built`);
}

/** The env and entry point of a page's server process, in front of `gatewayUrl`. */
export function webAppLaunch(
  app: WebAppName,
  gatewayUrl: string,
  port: number,
): { entry: string; env: NodeJS.ProcessEnv; rootVariable: string; healthUrl: string; url: string } {
  const spec = WEB_APPS[app];
  return {
    entry: spec.entry,
    rootVariable: spec.rootVariable,
    env: { GATEWAY_URL: gatewayUrl, [spec.portVariable]: String(port), [spec.rootVariable]: distOf(app) },
    healthUrl: `http://127.0.0.1:${port}/health`,
    url: `http://127.0.0.1:${port}/`,
  };
}
