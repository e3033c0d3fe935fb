import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// In a process of its own: the service logger is made once per process.
function startFailure(env: NodeJS.ProcessEnv): { stdout: string; stderr: string } {
  const script = `require(${JSON.stringify(join(__dirname, 'start-failure.ts'))}).logStartFailure(new Error('MYSQL_URL: not a URL'))`;
  const result = spawnSync(process.execPath, ['-r', '@swc-node/register', '-e', script], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { stdout: result.stdout, stderr: result.stderr };
}

describe('logStartFailure', () => {
  it('logs the reason as a fatal JSON line of the service', () => {
    const { stdout } = startFailure({ SERVICE_NAME: 'devices', LOG_FORMAT: 'json', LOG_LEVEL: 'info' });
    expect(JSON.parse(stdout.trim())).toEqual(
      expect.objectContaining({ level: 'fatal', service: 'devices', msg: 'could not start: MYSQL_URL: not a URL' }),
    );
  });

  it('still says why on stderr, in one line, when LOG_LEVEL itself is bad', () => {
    const { stdout, stderr } = startFailure({ SERVICE_NAME: 'devices', LOG_LEVEL: 'loud' });
    expect(stdout).toBe('');
    expect(stderr).toBe('could not start: MYSQL_URL: not a URL\n');
  });
});
