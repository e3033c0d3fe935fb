import { InFlightReads } from './shared-reads';

describe('reads in flight are shared by identical requests', () => {
  const copyCounting = () => {
    const counter = { copies: 0 };
    const copy = (answer: { value: number }) => {
      counter.copies++;
      return { ...answer };
    };
    return { counter, copy };
  };

  it('callers that arrive while a read is in flight share it, each with an answer of its own', async () => {
    const reads = new InFlightReads<{ value: number }>();
    const { counter, copy } = copyCounting();
    let started = 0;
    const read = async () => {
      started++;
      return { value: 42 };
    };
    const answers = await Promise.all([reads.share('k', read, copy), reads.share('k', read, copy), reads.share('k', read, copy)]);
    expect(started).toBe(1);
    expect(answers).toEqual([{ value: 42 }, { value: 42 }, { value: 42 }]);
    expect(new Set(answers).size).toBe(3);
    expect(counter.copies).toBe(2);
  });

  it('a read nobody joined is not copied, and a read after the answer asks again', async () => {
    const reads = new InFlightReads<{ value: number }>();
    const { counter, copy } = copyCounting();
    let started = 0;
    const read = async () => ({ value: ++started });
    expect(await reads.share('k', read, copy)).toEqual({ value: 1 });
    expect(await reads.share('k', read, copy)).toEqual({ value: 2 });
    expect(counter.copies).toBe(0);
    expect(reads.size).toBe(0);
  });

  it('a failed read fails every caller that shared it', async () => {
    const reads = new InFlightReads<{ value: number }>();
    const { copy } = copyCounting();
    const read = () => Promise.reject(new TypeError('fetch failed'));
    const outcomes = await Promise.allSettled([reads.share('k', read, copy), reads.share('k', read, copy)]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
  });
});
