import { createLogger } from './create-logger';
import { withLogContext } from './log-context';
import { prettyDestination } from './pretty-destination';

describe('development log lines', () => {
  it('read as time, level, service/component, message and the context fields, with the error stack below', () => {
    const out: string[] = [];
    const log = createLogger({ service: 'logistics', env: {}, destination: prettyDestination((text) => out.push(text)) });
    withLogContext({ requestId: 'req-1' }, () =>
      log.child({ component: 'returns' }).error({ err: new Error('timer lost'), orderId: 'o-1' }, 'return timer not armed'),
    );
    const [head, ...stack] = out[0].trimEnd().split('\n');
    expect(head).toMatch(/^\d{2}:\d{2}:\d{2}\.\d{3} ERROR logistics\/returns: return timer not armed requestId=req-1 orderId=o-1$/);
    expect(stack[0]).toBe('    Error: timer lost');
  });

  it('redacts before printing, as the JSON lines do', () => {
    const out: string[] = [];
    createLogger({ service: 'gateway', env: {}, destination: prettyDestination((text) => out.push(text)) }).info(
      { token: 't-1' },
      'at redis://:pw@host:6379',
    );
    expect(out[0]).not.toMatch(/t-1|:pw@/);
  });
});
