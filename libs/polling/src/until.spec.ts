import { until } from './until';

describe('until', () => {
  it('resolves with the first answer that holds', async () => {
    let asked = 0;
    await expect(until(() => (++asked >= 3 ? { asked } : null), 'the third ask', { everyMs: 1 })).resolves.toEqual({ asked: 3 });
  });

  it('judges answers with holds when given', async () => {
    let asked = 0;
    await expect(until(async () => ++asked, 'a count of 4', { everyMs: 1, holds: (count) => count >= 4 })).resolves.toBe(4);
  });

  it('gives up after the timeout, naming what it waited for and the last answer', async () => {
    await expect(
      until(() => ({ status: 'OPEN' }), 'the case to close', { timeoutMs: 20, everyMs: 5, holds: (state) => state.status === 'CLOSED' }),
    ).rejects.toThrow('gave up waiting for the case to close after 20 ms (last seen: {"status":"OPEN"})');
  });
});
