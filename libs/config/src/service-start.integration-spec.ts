import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { CONFIG_EXIT_CODE } from './load-config';

const ROOT = join(__dirname, '..', '..', '..');

type Start = { code: number | null; stdout: string; stderr: string };

/** Runs a service's real entry point from source, as `npm start` does, and waits for it to end. */
function start(entry: string, env: Record<string, string>): Promise<Start> {
  return new Promise((resolve, reject) => {
    // Nothing listens at these addresses: a service that got past its configuration would hang or fail differently.
    const unreachable = { MYSQL_URL: 'mysql://root@127.0.0.1:9', REDIS_URL: 'redis://127.0.0.1:9' };
    const child = spawn(process.execPath, ['-r', '@swc-node/register', entry], {
      cwd: ROOT,
      env: { ...process.env, ...unreachable, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

// One bad value per service, each in a different group, with the line it must print.
const CASES: [service: string, entry: string, env: Record<string, string>, line: string][] = [
  [
    'gateway',
    'apps/gateway/src/main.ts',
    { RATE_LIMIT_BURST: '0' },
    'RATE_LIMIT_BURST="0" is below 1; expected an integer of at least 1 (requests)',
  ],
  [
    'customers',
    'apps/customers/src/main.ts',
    { FILES_PUBLIC_URL: 'support.example.com' },
    'FILES_PUBLIC_URL="support.example.com" is not a URL; expected a URL starting http:// or https://, without query or fragment',
  ],
  [
    'customers in production',
    'apps/customers/src/main.ts',
    { NODE_ENV: 'production' },
    'AUTH_JWT_KEYS must be set in production; expected JSON {"<kid>": "<secret of 32+ characters>", ...}',
  ],
  [
    'devices',
    'apps/devices/src/main.ts',
    { DEVICES_PORT: '70000' },
    'DEVICES_PORT="70000" is above 65535; expected a port number from 0 to 65535 (0: any free port)',
  ],
  [
    'incidents',
    'apps/incidents/src/main.ts',
    { ATTACHMENT_MAX_BYTES: '12x' },
    'ATTACHMENT_MAX_BYTES="12x" is not an integer; expected an integer from 1 to 1073741824 (bytes)',
  ],
  [
    'logistics',
    'apps/logistics/src/main.ts',
    { RETURN_DEADLINE_REARM_MS: '10m' },
    'RETURN_DEADLINE_REARM_MS="10m" is not an integer; expected a whole number of milliseconds of at least 1',
  ],
  [
    'dispatch',
    'apps/dispatch/src/main.ts',
    { LOG_LEVEL: 'verbose' },
    'LOG_LEVEL="verbose" is not one of the accepted values; expected one of fatal, error, warn, info, debug, trace or silent',
  ],
  [
    'notifications',
    'apps/notifications/src/main.ts',
    { MAIL_DIGEST_HOUR: '24' },
    'MAIL_DIGEST_HOUR="24" is above 23; expected an integer from 0 to 23 (hour of the day, local to the contact)',
  ],
  [
    'scheduler',
    'apps/scheduler/src/main.ts',
    { SCHEDULER_HEALTH_PORT: 'http' },
    'SCHEDULER_HEALTH_PORT="http" is not an integer; expected a port number from 0 to 65535 (0: any free port)',
  ],
  [
    'dispatch-board',
    'apps/dispatch-board/server/main.ts',
    { BOARD_DEMO_SIGN_IN: 'yes' },
    'BOARD_DEMO_SIGN_IN="yes" is neither on nor off; expected on or off',
  ],
  [
    'support-center',
    'apps/support-center/server/main.ts',
    { OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' },
    'OTEL_EXPORTER_OTLP_ENDPOINT="collector:4318" uses collector://; expected a URL starting http:// or https://',
  ],
];

describe('a bad configuration value stops each service at start, in one line', () => {
  it.each(CASES)(
    '%s: names the variable, the problem and the expected form, and exits 78',
    async (_service, entry, env, line) => {
      const result = await start(entry, env);
      expect(result.stderr).toBe(`Configuration error: ${line}\n`);
      expect(result.code).toBe(CONFIG_EXIT_CODE);
      expect(result.stdout).toBe('');
    },
    120_000,
  );
});
