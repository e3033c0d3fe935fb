import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { FilesystemObjectStorage } from './filesystem-object-storage';
import { describeObjectStorageContract } from './object-storage.contract';

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(directory, join(entry.parentPath, entry.name)));
}

let directory: string;
let storage: FilesystemObjectStorage;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'object-storage-'));
  storage = new FilesystemObjectStorage(directory);
}, 180_000);
afterAll(() => rm(directory, { recursive: true, force: true }), 60_000);

describeObjectStorageContract('filesystem', () => ({
  storage,
  storedKeys: () => filesUnder(join(directory, 'objects')),
}));

describe('the filesystem driver on disk', () => {
  it('leaves no partial file behind when a put fails, and keeps files private to the service', async () => {
    const failing = new Readable({
      read() {
        this.destroy(new Error('gone'));
      },
    });
    await expect(storage.put('private/failed', failing)).rejects.toThrow('gone');
    expect(await filesUnder(join(directory, 'incoming'))).toEqual([]);
    await storage.put('private/kept', Readable.from([Buffer.from('x')]), { size: 1 });
    expect((await stat(join(directory, 'objects', 'private', 'kept'))).mode & 0o777).toBe(0o600);
  });
});
