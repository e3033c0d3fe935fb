import { Transform, type TransformCallback } from 'node:stream';
import { ObjectSizeMismatchError } from './object-storage';

/**
 * Passes bytes through and counts them; with `expected`, fails as soon as the stream gives more,
 * or at its end when it gave fewer, so a consumer never stores a different length than announced.
 */
export class ByteCounter extends Transform {
  bytes = 0;

  constructor(private readonly expected?: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.expected !== undefined && this.bytes > this.expected) return callback(new ObjectSizeMismatchError(this.expected, this.bytes));
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.expected !== undefined && this.bytes !== this.expected)
      return callback(new ObjectSizeMismatchError(this.expected, this.bytes));
    callback();
  }
}
