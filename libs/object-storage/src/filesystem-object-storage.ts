import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ByteCounter } from './exact-length';
import { assertValidKey, ObjectNotFoundError } from './object-storage';
import type { ObjectHead, ObjectStorage, PutOptions, PutResult } from './object-storage';

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Objects as files under one directory: `objects/<key>`. A put writes `incoming/<uuid>`, syncs it
 * to disk and renames it into place (atomic on one filesystem), so a reader never sees a partial
 * object and a failed put leaves nothing under the key. Files are readable by the service's user only.
 */
export class FilesystemObjectStorage implements ObjectStorage {
  readonly driver = 'filesystem';
  private readonly objects: string;
  private readonly incoming: string;

  constructor(readonly directory: string) {
    this.objects = join(directory, 'objects');
    this.incoming = join(directory, 'incoming');
  }

  private pathOf(key: string): string {
    assertValidKey(key);
    return join(this.objects, ...key.split('/'));
  }

  async put(key: string, body: Readable, options: PutOptions = {}): Promise<PutResult> {
    const target = this.pathOf(key);
    await mkdir(this.incoming, { recursive: true, mode: 0o700 });
    const temporary = join(this.incoming, randomUUID());
    const counter = new ByteCounter(options.size);
    try {
      // `flush`: the data is on disk before the rename makes it visible.
      await pipeline(body, counter, createWriteStream(temporary, { flags: 'wx', mode: 0o600, flush: true }));
      await mkdir(dirname(target), { recursive: true, mode: 0o700 });
      await rename(temporary, target);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
    return { size: counter.bytes };
  }

  async get(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    // Open first, so a missing object is a rejected promise rather than a stream error later.
    const handle = await open(path, 'r').catch((error: unknown) => {
      throw isMissing(error) ? new ObjectNotFoundError(key) : error;
    });
    return handle.createReadStream();
  }

  async head(key: string): Promise<ObjectHead | null> {
    try {
      const stats = await stat(this.pathOf(key));
      return stats.isFile() ? { size: stats.size } : null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await unlink(this.pathOf(key)).catch((error: unknown) => {
      if (!isMissing(error)) throw error;
    });
  }

  async close(): Promise<void> {}
}
