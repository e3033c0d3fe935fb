import type { Readable } from 'node:stream';

/** What a stored object is, without reading it. */
export type ObjectHead = { size: number };

export type PutOptions = {
  /**
   * The exact number of bytes the stream will give, when known: drivers may then stream it in one
   * request. A stream that gives more or fewer bytes fails the put, and nothing is stored.
   */
  size?: number;
};

export type PutResult = { size: number };

/**
 * Where bytes live: a key → bytes store. A put either stores the whole stream under the key or
 * nothing (a failed or short stream leaves no object behind); a get streams, never buffers the object.
 */
export type ObjectStorage = {
  /** `filesystem` or `s3`; an encrypting storage names the driver beneath it. */
  readonly driver: string;
  put(key: string, body: Readable, options?: PutOptions): Promise<PutResult>;
  /** Rejects with {@link ObjectNotFoundError} when there is no object under the key. */
  get(key: string): Promise<Readable>;
  /** `null` when there is no object under the key. */
  head(key: string): Promise<ObjectHead | null>;
  /** Removes the object; removing one that does not exist is not an error. */
  delete(key: string): Promise<void>;
  /** Releases connections (the S3 client's sockets). */
  close(): Promise<void>;
};

export class ObjectNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No object under ${key}`);
    this.name = 'ObjectNotFoundError';
  }
}

/** The stream gave more or fewer bytes than announced. */
export class ObjectSizeMismatchError extends Error {
  constructor(
    readonly expected: number,
    readonly received: number,
  ) {
    super(received > expected ? `More than the announced ${expected} bytes` : `${received} bytes instead of the announced ${expected}`);
    this.name = 'ObjectSizeMismatchError';
  }
}

export const MAX_KEY_LENGTH = 512;
const KEY_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * Keys are `/`-separated segments of letters, digits, `.`, `_` and `-`, each starting with a
 * letter or digit: the same key is a safe relative path on a filesystem (no `..`, no absolute
 * path) and a plain S3 key.
 */
export function assertValidKey(key: string): void {
  const segments = key.split('/');
  if (key.length === 0 || key.length > MAX_KEY_LENGTH || !segments.every((segment) => KEY_SEGMENT.test(segment))) {
    throw new Error(`Invalid object key: ${JSON.stringify(key.slice(0, 80))}`);
  }
}
