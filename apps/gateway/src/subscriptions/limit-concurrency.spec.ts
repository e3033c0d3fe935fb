import { limitConcurrency } from './limit-concurrency';

describe('bounded concurrent reads', () => {
  it('no more than the maximum run at once, later calls start in call order, and every call completes', async () => {
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const release: (() => void)[] = [];
    const read = limitConcurrency(async (n: number) => {
      started.push(n);
      running += 1;
      peak = Math.max(peak, running);
      await new Promise<void>((resolve) => release.push(resolve));
      running -= 1;
      return n * 10;
    }, 2);
    const results = Promise.all([1, 2, 3, 4, 5].map((n) => read(n)));
    for (let round = 0; round < 5; round++) {
      await new Promise((resolve) => setImmediate(resolve));
      release.shift()?.();
    }
    expect(await results).toEqual([10, 20, 30, 40, 50]);
    expect(peak).toBe(2);
    expect(started).toEqual([1, 2, 3, 4, 5]);
  });

  it('a failing call frees its slot', async () => {
    const read = limitConcurrency(async (fail: boolean) => {
      if (fail) throw new Error('down');
      return 'ok';
    }, 1);
    await expect(read(true)).rejects.toThrow('down');
    expect(await read(false)).toBe('ok');
  });
});
