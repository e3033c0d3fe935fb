/**
 * An async generator fed from outside: `push` values, `end` it (optionally with an error). The
 * consumer (graphql-ws) pulls with `next` and calls `return` when the client completes or the
 * socket closes; `onReturn` then releases whatever feeds it.
 */
export class PushIterator<T> implements AsyncGenerator<T, undefined, unknown> {
  private readonly buffer: T[] = [];
  private readonly waiting: { resolve: (result: IteratorResult<T, undefined>) => void; reject: (error: unknown) => void }[] = [];
  private ended = false;
  private failure: unknown;

  constructor(private readonly onReturn: () => void = () => undefined) {}

  /** Values buffered and not yet pulled. */
  get backlog(): number {
    return this.buffer.length;
  }

  get done(): boolean {
    return this.ended;
  }

  push(value: T): void {
    if (this.ended) return;
    const waiter = this.waiting.shift();
    if (waiter) waiter.resolve({ value, done: false });
    else this.buffer.push(value);
  }

  /** Ends the stream after what is buffered; with an error, the consumer's next pull rejects. */
  end(error?: unknown): void {
    if (this.ended) return;
    this.ended = true;
    this.failure = error;
    for (const waiter of this.waiting.splice(0)) {
      if (error) waiter.reject(error);
      else waiter.resolve({ value: undefined, done: true });
    }
    this.onReturn();
  }

  next(): Promise<IteratorResult<T, undefined>> {
    if (this.buffer.length > 0) return Promise.resolve({ value: this.buffer.shift() as T, done: false });
    if (this.ended) return this.failure ? Promise.reject(this.failure) : Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  return(): Promise<IteratorResult<T, undefined>> {
    this.buffer.length = 0;
    this.failure = undefined;
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error: unknown): Promise<IteratorResult<T, undefined>> {
    this.buffer.length = 0;
    this.end(error);
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.return();
  }
}
