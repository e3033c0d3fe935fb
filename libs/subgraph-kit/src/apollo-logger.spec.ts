import { startServiceLogger } from '@polyplus/logger';
import { apolloLogger } from './apollo-logger';

describe('apolloLogger', () => {
  it("writes Apollo's messages as the service's lines, at their level, with an error's stack", () => {
    const lines: Record<string, unknown>[] = [];
    startServiceLogger('gateway', {
      env: { LOG_LEVEL: 'debug' },
      destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
    });
    const logger = apolloLogger('apollo-gateway');
    logger.info('Gateway successfully loaded schema');
    logger.error(new Error('plugin failed'));
    expect(lines[0]).toEqual(
      expect.objectContaining({
        service: 'gateway',
        component: 'apollo-gateway',
        level: 'info',
        msg: 'Gateway successfully loaded schema',
      }),
    );
    expect(lines[1]).toEqual(
      expect.objectContaining({
        level: 'error',
        msg: 'plugin failed',
        err: expect.objectContaining({ type: 'Error', stack: expect.stringContaining('plugin failed') }),
      }),
    );
  });
});
