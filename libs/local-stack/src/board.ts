import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const BOARD_APP = join(ROOT, 'apps', 'dispatch-board');
const BOARD_DIST = join(ROOT, 'dist', 'apps', 'dispatch-board');

function newestChange(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
}

function builtAt(): number {
  try {
    return statSync(join(BOARD_DIST, 'index.html')).mtimeMs;
  } catch {
    return 0;
  }
}

/** Builds the board's static files with Vite unless the last build is newer than every source (`force` always builds). */
export async function buildBoard(options: { force?: boolean; log?: (line: string) => void } = {}): Promise<void> {
  const sources = ['src', 'index.html', 'vite.config.mts'].map((entry) => newestChange(join(BOARD_APP, entry)));
  if (!options.force && builtAt() > Math.max(...sources)) return;
  const output: string[] = [];
  const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(BOARD_APP, 'vite.config.mts'), '--logLevel', 'warn'], {
    cwd: ROOT,
    // A production bundle even when called from a test runner (jest sets NODE_ENV=test).
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`dispatch board build failed (exit ${code}):\n${output.join('')}`);
  options.log?.('[dispatch-board] built');
}

/** The env and entry point of the board server process the stack launches. */
export function boardLaunch(gatewayUrl: string, port: number): { entry: string; env: NodeJS.ProcessEnv; healthUrl: string; url: string } {
  return {
    entry: 'apps/dispatch-board/server/main.ts',
    env: { GATEWAY_URL: gatewayUrl, BOARD_PORT: String(port), BOARD_ROOT: BOARD_DIST },
    healthUrl: `http://127.0.0.1:${port}/health`,
    url: `http://127.0.0.1:${port}/`,
  };
}
