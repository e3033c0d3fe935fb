import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { GATEWAY_PORT, SUBGRAPH_NAMES, SUBGRAPH_PORTS, type SubgraphName } from '@polyplus/subgraph-kit';
import { configureTestClock } from '@polyplus/clock';
import { queuePrefix } from '@polyplus/events';
import { buildWebApp, webAppLaunch, type WebAppName } from './web-app';
import { prepareStackMail, type StackMail } from './mail';
import { buildGraphqlIde } from './graphql-ide';

/** Where `npm start` serves the dispatch board (BOARD_PORT overrides). */
export const BOARD_PORT = 4010;

/** Where `npm start` serves the Online Support Center (SUPPORT_CENTER_PORT overrides). */
export const SUPPORT_CENTER_PORT = 4020;

const ROOT = join(__dirname, '..', '..', '..');

/**
 * How long a service may take to become healthy: generous, because on a loaded two-core machine
 * transpiling and migrating several services at once takes minutes, and a start is never retried.
 */
export const START_TIMEOUT_MS = 180_000;

export type Stack = {
  gatewayUrl: string;
  /** The dispatch board's address when the stack was started with `board: true`. */
  boardUrl?: string;
  /** The Online Support Center's address when the stack was started with `portal: true`. */
  portalUrl?: string;
  /** Mail in and out: the sink the product sends to, the receiver's address, the folders. */
  mail: StackMail;
  env: NodeJS.ProcessEnv;
  /** Every process the stack started, by app name, with the command line it runs. */
  processes: StackProcess[];
  stop(): Promise<void>;
};

export type ProcessExit = { code: number | null; signal: NodeJS.Signals | null };
export type StackProcess = {
  name: string;
  pid: number | undefined;
  command: string[];
  /** Settles when the process has exited. */ exited: Promise<ProcessExit>;
};

export type StackOptions = {
  /** Extra environment for every process (database prefix, queue prefix...). */
  env?: NodeJS.ProcessEnv;
  /** Pick free ports instead of the fixed defaults (tests run beside a developer's stack). */
  freePorts?: boolean;
  log?: (line: string) => void;
  /** Also build (when stale) and serve the dispatch board in front of the gateway. */
  board?: boolean;
  /** Also build (when stale) and serve the customers' Online Support Center in front of the gateway. */
  portal?: boolean;
  /** Where sent and received mail is kept (`sent/`, `received/`), and whether a page lists them. */
  mail?: { directory?: string; page?: boolean };
  /**
   * Run the compiled apps (`node dist/apps/<app>/main.js`, from `nx build <app>`) instead of their
   * TypeScript sources: what production and the containers run.
   */
  fromDist?: boolean;
  /** Build the gateway's development GraphQL IDE first when its sources changed (not with `fromDist`: `nx build gateway` builds it). */
  ide?: boolean;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Waits until `url` (a /health) answers OK with this child's pid: a port picked as free may be someone else's. */
export async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited with code ${child.exitCode}`);
    const health = await fetch(url, { signal: AbortSignal.timeout(1_000) }).then(
      async (r) => (r.ok ? ((await r.json()) as { pid?: number }) : undefined),
      () => undefined,
    );
    // Another process may hold a port picked as free a moment ago: only our child's answer counts.
    if (health?.pid === child.pid) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} not healthy after ${timeoutMs} ms`);
}

function waitForOutput(child: ChildProcess, text: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${text}" within ${timeoutMs} ms`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      if (!chunk.toString().includes(text)) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolve();
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with code ${code} before "${text}"`)));
  });
}

// Processes still running when this one exits (a test's set-up that timed out before it could stop
// them) are killed with it rather than left holding ports and databases.
const running = new Set<ChildProcess>();
let killOnExit = false;

function killWithThisProcess(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
  if (killOnExit) return;
  killOnExit = true;
  process.once('exit', () => {
    for (const leftover of running) leftover.kill('SIGKILL');
  });
}

/** The compiled entry point `nx build <app>` writes. */
export function compiledEntry(app: string): string {
  return join('dist', 'apps', app, 'main.js');
}

export type Launcher = { fromDist: boolean; log: (line: string) => void; processes: StackProcess[] };

/** Starts an app from its TypeScript `entry` through swc, or with `fromDist` its compiled entry point with plain node. */
function launch(name: string, entry: string, env: NodeJS.ProcessEnv, launcher: Launcher): ChildProcess {
  const { log } = launcher;
  const compiled = compiledEntry(name);
  if (launcher.fromDist && !existsSync(join(ROOT, compiled)))
    throw new Error(`No compiled ${name} at ${compiled}: run npx nx run-many -t build`);
  const args = launcher.fromDist ? [compiled] : ['-r', '@swc-node/register', entry];
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<ProcessExit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  launcher.processes.push({ name, pid: child.pid, command: [process.execPath, ...args], exited });
  killWithThisProcess(child);
  const relay = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) log(`[${name}] ${line}`);
  };
  child.stdout?.on('data', relay);
  child.stderr?.on('data', relay);
  return child;
}

/** Stops a child process with SIGTERM, and SIGKILL if it is still running after `graceMs`; resolves once it exited. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts the subgraphs, then the gateway and the scheduler, each as its own process, and
 * waits until every one reports healthy. Subgraphs migrate their own databases as they start.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const log = options.log ?? ((line: string) => console.log(line));
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  const launcher: Launcher = { fromDist: options.fromDist ?? false, log, processes: [] };
  // Without the IDE the gateway still serves the API (and says how to build the IDE): a failed build is only reported.
  if (options.ide && !options.fromDist)
    await buildGraphqlIde({ log }).catch((error: Error) => log(`[graphql-ide] not built: ${error.message}`));
  const ports = {} as Record<SubgraphName | 'gateway', number>;
  for (const name of SUBGRAPH_NAMES) ports[name] = options.freePorts ? await freePort() : SUBGRAPH_PORTS[name];
  ports.gateway = options.freePorts ? await freePort() : Number(env.GATEWAY_PORT ?? GATEWAY_PORT);
  for (const name of SUBGRAPH_NAMES) {
    env[`${name.toUpperCase()}_PORT`] = String(ports[name]);
    env[`${name.toUpperCase()}_URL`] = `http://127.0.0.1:${ports[name]}/graphql`;
  }
  env.GATEWAY_PORT = String(ports.gateway);
  const mail = await prepareStackMail(env, { ...options.mail, freePort });
  // The stack's test clock (not in production): TEST_CLOCK_FROZEN_AT / TEST_CLOCK_OFFSET_MINUTES, else system time.
  const testClock = await configureTestClock({ prefix: queuePrefix(env), env });
  if (testClock && testClock.mode !== 'SYSTEM')
    log(
      `test clock ${testClock.mode === 'FROZEN' ? `frozen at ${new Date(testClock.frozenAt as number).toISOString()}` : `offset ${testClock.offsetMs / 60_000} minutes`}`,
    );

  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all([...children].reverse().map((child) => stopChild(child)));
    await mail.close();
  };
  try {
    const subgraphs = SUBGRAPH_NAMES.map((name) => {
      const child = launch(name, `apps/${name}/src/main.ts`, env, launcher);
      children.push(child);
      return waitForHealth(`http://127.0.0.1:${ports[name]}/health`, child, START_TIMEOUT_MS);
    });
    await Promise.all(subgraphs);
    // The scheduler shares the dispatch database: start it once dispatch has migrated it.
    const gateway = launch('gateway', 'apps/gateway/src/main.ts', env, launcher);
    const scheduler = launch('scheduler', 'apps/scheduler/src/main.ts', env, launcher);
    children.push(gateway, scheduler);
    await Promise.all([
      waitForHealth(`http://127.0.0.1:${ports.gateway}/health`, gateway, START_TIMEOUT_MS),
      waitForOutput(scheduler, 'scheduler worker ready', START_TIMEOUT_MS),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  const gatewayUrl = `http://127.0.0.1:${ports.gateway}/graphql`;
  const urls: Pick<Stack, 'boardUrl' | 'portalUrl'> = {};
  try {
    if (options.board) {
      const port = options.freePorts ? await freePort() : Number(env.BOARD_PORT ?? BOARD_PORT);
      const board = await startBoardProcess(gatewayUrl, { port, env, log, fromDist: options.fromDist, launcher });
      children.push(board.child);
      urls.boardUrl = board.url;
    }
    if (options.portal) {
      const port = options.freePorts ? await freePort() : Number(env.SUPPORT_CENTER_PORT ?? SUPPORT_CENTER_PORT);
      const portal = await startPortalProcess(gatewayUrl, { port, env, log, fromDist: options.fromDist, launcher });
      children.push(portal.child);
      urls.portalUrl = portal.url;
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { gatewayUrl, ...urls, mail, env, processes: launcher.processes, stop };
}

export type BoardProcessOptions = {
  port?: number;
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  rebuild?: boolean;
  /** Run the compiled server (`nx build <app>` built it and the page) instead of building the page and running the sources. */
  fromDist?: boolean;
  /** The stack's record of what it started (internal). */
  launcher?: Launcher;
};

export type WebAppProcess = { url: string; child: ChildProcess; stop(): Promise<void> };

/**
 * Builds a web page when its sources changed (or always with `rebuild`) and starts its server in
 * front of `gatewayUrl`; resolves once it is healthy.
 */
async function startWebAppProcess(app: WebAppName, gatewayUrl: string, options: BoardProcessOptions): Promise<WebAppProcess> {
  const log = options.log ?? ((line: string) => console.log(line));
  const launcher = options.launcher ?? { fromDist: options.fromDist ?? false, log, processes: [] };
  if (!launcher.fromDist) await buildWebApp(app, { force: options.rebuild, log });
  const launchSpec = webAppLaunch(app, gatewayUrl, options.port ?? (await freePort()));
  // Compiled, the server finds its page beside itself, as in a container.
  const env = { ...process.env, ...options.env, ...launchSpec.env };
  if (launcher.fromDist) delete env[launchSpec.rootVariable];
  const child = launch(app, launchSpec.entry, env, { ...launcher, log });
  try {
    await waitForHealth(launchSpec.healthUrl, child, START_TIMEOUT_MS);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { url: launchSpec.url, child, stop: () => stopChild(child) };
}

/** The dispatch board in front of `gatewayUrl`, built when its sources changed. */
export function startBoardProcess(gatewayUrl: string, options: BoardProcessOptions = {}): Promise<WebAppProcess> {
  return startWebAppProcess('dispatch-board', gatewayUrl, options);
}

/** The Online Support Center in front of `gatewayUrl`, built when its sources changed. */
export function startPortalProcess(gatewayUrl: string, options: BoardProcessOptions = {}): Promise<WebAppProcess> {
  return startWebAppProcess('support-center', gatewayUrl, options);
}
