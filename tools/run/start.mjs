// `npm start`: installs dependencies from the lock file when they are missing or stale, then runs
// the stack. Plain JavaScript with no dependencies, so it works on a fresh clone.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const lock = 'package-lock.json';
const marker = 'node_modules/.package-lock.json';
if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs) {
  console.log('Installing dependencies (npm ci)…');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
}
const child = spawn(process.execPath, ['-r', '@swc-node/register', 'tools/run/start-stack.ts'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 1));
