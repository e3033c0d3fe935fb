import { execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, stopChild } from '@polyplus/local-stack';
import { spawnSourceProcess } from '../support/source-process';
import {
  pingMariadb,
  pingRedis,
  prepareMariadb,
  privateMariadbArgs,
  privateServer,
  startOrClean,
  type PrivateServer,
} from './private-servers';

/** PEM files made for one run with Debian's openssl: a CA, a server certificate for localhost/127.0.0.1, client certificates. */
export type RunCertificates = {
  dir: string;
  ca: string;
  serverCert: string;
  serverKey: string;
  /** Signed by the CA: the gateway's (and services') client certificate. */
  clientCert: string;
  clientKey: string;
  /** Signed by another CA: what a stranger presents. */
  strangerCert: string;
  strangerKey: string;
  dispose(): Promise<void>;
};

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

export async function makeCertificates(): Promise<RunCertificates> {
  const dir = await mkdtemp(join(tmpdir(), 'polyplus-tls-'));
  const issue = async (name: string, ca: string, subject: string, extensions: string) => {
    await writeFile(join(dir, `${name}.ext`), extensions);
    openssl(dir, ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}-key.pem`, '-out', `${name}.csr`, '-subj', subject]);
    openssl(dir, [
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      `${ca}.pem`,
      '-CAkey',
      `${ca}-key.pem`,
      '-CAcreateserial',
      '-out',
      `${name}.pem`,
      '-days',
      '2',
      '-extfile',
      `${name}.ext`,
    ]);
  };
  for (const ca of ['ca', 'stranger-ca']) {
    openssl(dir, [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      `${ca}-key.pem`,
      '-out',
      `${ca}.pem`,
      '-days',
      '2',
      '-subj',
      `/CN=polyplus ${ca} for this run`,
    ]);
  }
  await issue('server', 'ca', '/CN=localhost', 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  await issue('client', 'ca', '/CN=gateway', 'extendedKeyUsage=clientAuth\n');
  await issue('stranger', 'stranger-ca', '/CN=stranger', 'extendedKeyUsage=clientAuth\n');
  const file = (name: string) => join(dir, name);
  return {
    dir,
    ca: file('ca.pem'),
    serverCert: file('server.pem'),
    serverKey: file('server-key.pem'),
    clientCert: file('client.pem'),
    clientKey: file('client-key.pem'),
    strangerCert: file('stranger.pem'),
    strangerKey: file('stranger-key.pem'),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

/** MariaDB that refuses every connection not over TLS (`require_secure_transport`), with the run's server certificate. */
export async function startTlsOnlyMariadb(certs: RunCertificates): Promise<PrivateServer> {
  const { dir, port } = await prepareMariadb('polyplus-mariadb-tls-');
  const server = privateServer(
    {
      name: 'mariadbd (TLS only)',
      command: '/usr/sbin/mariadbd',
      args: [
        ...privateMariadbArgs(dir, port),
        `--ssl-ca=${certs.ca}`,
        `--ssl-cert=${certs.serverCert}`,
        `--ssl-key=${certs.serverKey}`,
        '--require-secure-transport=ON',
      ],
      ping: async () => pingMariadb(port, { ca: await readPem(certs.ca) }),
    },
    port,
    `mysql://root@127.0.0.1:${port}`,
    dir,
  );
  await startOrClean(server, dir);
  return server;
}

/** Redis listening with TLS only (`port 0`, `tls-port`), the run's server certificate, no client certificate asked. */
export async function startTlsOnlyRedis(certs: RunCertificates): Promise<PrivateServer> {
  const dir = await mkdtemp(join(tmpdir(), 'polyplus-redis-tls-'));
  const port = await freePort();
  const url = `rediss://127.0.0.1:${port}`;
  const server = privateServer(
    {
      name: 'redis-server (TLS only)',
      command: '/usr/bin/redis-server',
      args: [
        '--port',
        '0',
        '--tls-port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--save',
        '',
        '--daemonize',
        'no',
        '--tls-cert-file',
        certs.serverCert,
        '--tls-key-file',
        certs.serverKey,
        '--tls-ca-cert-file',
        certs.ca,
        '--tls-auth-clients',
        'no',
        '--maxmemory-policy',
        'noeviction',
      ],
      ping: async () => pingRedis(url, { tls: { ca: await readPem(certs.ca) } }),
    },
    port,
    url,
    dir,
  );
  await startOrClean(server, dir);
  return server;
}

async function readPem(path: string): Promise<string> {
  return (await import('node:fs/promises')).readFile(path, 'utf8');
}

export type AppProcess = { child: ChildProcess; logs: string[]; exited: Promise<number | null>; stop(): Promise<void> };

/** An app's real process from its TypeScript entry point (`apps/<app>/src/main.ts`), output kept. */
export function spawnApp(app: string, env: NodeJS.ProcessEnv): AppProcess {
  const { child, logs } = spawnSourceProcess(`apps/${app}/src/main.ts`, env);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    logs,
    exited,
    stop: () => stopChild(child),
  };
}

/** Waits until the process prints `text` (e.g. "ready at"); fails when it exits first. */
export async function waitForLog(app: AppProcess, text: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!app.logs.some((line) => line.includes(text))) {
    if (app.child.exitCode !== null)
      throw new Error(`exited with ${app.child.exitCode} before "${text}":\n${app.logs.slice(-30).join('\n')}`);
    if (Date.now() > deadline) throw new Error(`no "${text}" within ${timeoutMs} ms:\n${app.logs.slice(-30).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export type HttpsAnswer = { status: number; body: string };

/** One HTTPS request trusting `ca`, presenting `client` (a certificate and key) when given. */
export function httpsCall(
  url: string,
  options: { ca: string; client?: { cert: string; key: string }; method?: string; headers?: Record<string, string>; body?: string },
): Promise<HttpsAnswer> {
  return new Promise((resolve, reject) => {
    const request = httpsRequest(
      url,
      {
        method: options.method ?? 'GET',
        headers: options.headers,
        ca: options.ca,
        cert: options.client?.cert,
        key: options.client?.key,
        agent: false,
        timeout: 15_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
    request.end(options.body);
  });
}
