import { context, trace, ROOT_CONTEXT, type Context, type ContextManager } from '@opentelemetry/api';
import { createLogger } from './create-logger';
import { withJobLogContext } from './job-log-context';
import { withLogContext } from './log-context';

function capture() {
  const lines: Record<string, unknown>[] = [];
  return { lines, destination: { write: (line: string) => void lines.push(JSON.parse(line)) } };
}

// A synchronous context manager: enough for `context.with` in a test, without the SDK.
class StackContextManager implements ContextManager {
  private stack: Context[] = [];
  active = () => this.stack[this.stack.length - 1] ?? ROOT_CONTEXT;
  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    ctx: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    this.stack.push(ctx);
    try {
      return fn.call(thisArg, ...args);
    } finally {
      this.stack.pop();
    }
  }
  bind = <T>(_ctx: Context, target: T) => target;
  enable = () => this;
  disable = () => {
    this.stack = [];
    return this;
  };
}

describe('createLogger', () => {
  it('writes one JSON object per line naming the service, the level by name, the time and the message', () => {
    const { lines, destination } = capture();
    createLogger({ service: 'incidents', env: {}, destination }).info({ incidentId: 'i-1' }, 'case opened');
    expect(lines).toEqual([
      expect.objectContaining({ service: 'incidents', level: 'info', msg: 'case opened', incidentId: 'i-1', pid: process.pid }),
    ]);
    expect(new Date(lines[0].time as string).toISOString()).toBe(lines[0].time);
  });

  it("logs an error's type, message and stack, whether it is the first argument or an err field", () => {
    const { lines, destination } = capture();
    const log = createLogger({ service: 'incidents', env: {}, destination });
    log.error(new TypeError('bad input'));
    log.error({ err: new RangeError('out of range') }, 'relay failed');
    expect(lines[0]).toEqual(
      expect.objectContaining({
        msg: 'bad input',
        err: expect.objectContaining({ type: 'TypeError', message: 'bad input', stack: expect.stringContaining('TypeError: bad input') }),
      }),
    );
    expect(lines[1]).toEqual(
      expect.objectContaining({ msg: 'relay failed', err: expect.objectContaining({ type: 'RangeError', message: 'out of range' }) }),
    );
  });

  it('logs at LOG_LEVEL and above only, info by default', () => {
    const quiet = capture();
    const log = createLogger({ service: 'devices', env: { LOG_LEVEL: 'warn' }, destination: quiet.destination });
    log.info('not shown');
    log.warn('shown');
    expect(quiet.lines.map((line) => line.msg)).toEqual(['shown']);
    const normal = capture();
    const byDefault = createLogger({ service: 'devices', env: {}, destination: normal.destination });
    byDefault.debug('not shown');
    byDefault.info('shown');
    expect(normal.lines.map((line) => line.msg)).toEqual(['shown']);
  });

  it('refuses a LOG_FORMAT that is neither json nor pretty, naming the variable', () => {
    expect(() => createLogger({ service: 'gateway', env: { LOG_FORMAT: 'xml' } })).toThrow(
      'LOG_FORMAT: "xml" is not a log format; expected json or pretty',
    );
  });

  it('puts the request id and trace id of the surrounding request on every line, across awaits', async () => {
    const { lines, destination } = capture();
    const log = createLogger({ service: 'gateway', env: {}, destination });
    await withLogContext({ requestId: 'req-1', traceId: '4bf92f3577b34da6a3ce929d0e0e4736' }, async () => {
      log.info('first');
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.child({ component: 'relay' }).info('second');
    });
    log.info('outside');
    expect(lines.map(({ msg, requestId, traceId }) => ({ msg, requestId, traceId }))).toEqual([
      { msg: 'first', requestId: 'req-1', traceId: '4bf92f3577b34da6a3ce929d0e0e4736' },
      { msg: 'second', requestId: 'req-1', traceId: '4bf92f3577b34da6a3ce929d0e0e4736' },
      { msg: 'outside', requestId: undefined, traceId: undefined },
    ]);
  });

  it('puts the queue and job id on every line logged while a job runs', () => {
    const { lines, destination } = capture();
    const log = createLogger({ service: 'scheduler', env: {}, destination });
    withJobLogContext({ queueName: 'dispatch-optimisation', id: '42' }, () => log.info('optimising'));
    // BullMQ's failed event may come without its job: the line is still logged.
    withJobLogContext(undefined, () => log.error('worker failed'));
    expect(lines[0]).toEqual(expect.objectContaining({ queue: 'dispatch-optimisation', jobId: '42' }));
    expect(lines[1]).toEqual(expect.objectContaining({ msg: 'worker failed' }));
    expect(lines[1]).not.toHaveProperty('jobId');
  });

  describe('with an OpenTelemetry span active', () => {
    const manager = new StackContextManager();
    beforeAll(() => context.setGlobalContextManager(manager));
    afterAll(() => context.disable());

    it('takes the trace id from the active span rather than the incoming traceparent', () => {
      const { lines, destination } = capture();
      const log = createLogger({ service: 'customers', env: {}, destination });
      const span = trace.wrapSpanContext({ traceId: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', spanId: 'bbbbbbbbbbbbbbbb', traceFlags: 1 });
      withLogContext({ requestId: 'req-2', traceId: '4bf92f3577b34da6a3ce929d0e0e4736' }, () =>
        context.with(trace.setSpan(context.active(), span), () => log.info('in a span')),
      );
      expect(lines[0]).toEqual(
        expect.objectContaining({ requestId: 'req-2', traceId: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', spanId: 'bbbbbbbbbbbbbbbb' }),
      );
    });

    it('ignores a span whose ids are invalid (a non-recording placeholder)', () => {
      const { lines, destination } = capture();
      const log = createLogger({ service: 'customers', env: {}, destination });
      const invalid = trace.wrapSpanContext({ traceId: '00000000000000000000000000000000', spanId: '0000000000000000', traceFlags: 0 });
      withLogContext({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736' }, () =>
        context.with(trace.setSpan(context.active(), invalid), () => log.info('placeholder')),
      );
      expect(lines[0]).toEqual(expect.objectContaining({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736' }));
      expect(lines[0]).not.toHaveProperty('spanId');
    });
  });
});
