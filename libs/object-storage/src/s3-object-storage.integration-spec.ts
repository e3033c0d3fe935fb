import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import S3rver from 's3rver';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { createObjectStorage, objectStorageConfig } from './object-storage-config';
import { describeObjectStorageContract } from './object-storage.contract';
import { s3Client, S3ObjectStorage, type S3Location } from './s3-object-storage';

// An S3-compatible server in this process (s3rver, keeping its buckets in a temporary directory).
const BUCKET = 'polyplus-attachments';
let server: S3rver;
let directory: string;
let location: S3Location;
let storage: S3ObjectStorage;

async function keysInBucket(prefix: string): Promise<string[]> {
  const client = s3Client(location);
  try {
    const listed = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: `${prefix}/` }));
    return (listed.Contents ?? []).map((object) => (object.Key ?? '').slice(prefix.length + 1));
  } finally {
    client.destroy();
  }
}

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 's3rver-'));
  server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: BUCKET, configs: [] }] });
  const { port } = await server.run();
  location = {
    bucket: BUCKET,
    prefix: 'contract',
    endpoint: `http://127.0.0.1:${port}`,
    region: 'eu-west-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  };
  storage = new S3ObjectStorage(location);
}, 120_000);

afterAll(async () => {
  await storage?.close();
  await server?.close();
  await rm(directory, { recursive: true, force: true });
}, 60_000);

describeObjectStorageContract('S3', () => ({ storage, storedKeys: () => keysInBucket('contract') }));

describe('the S3 driver chosen by configuration', () => {
  it('OBJECT_STORAGE_URL=s3://bucket/prefix with endpoint, region, path style and credentials stores under the prefix', async () => {
    const config = objectStorageConfig({
      OBJECT_STORAGE_URL: `s3://${BUCKET}/configured/prefix`,
      OBJECT_STORAGE_ENDPOINT: location.endpoint,
      OBJECT_STORAGE_REGION: 'eu-west-1',
      OBJECT_STORAGE_ACCESS_KEY_ID: 'S3RVER',
      OBJECT_STORAGE_SECRET_ACCESS_KEY: 'S3RVER',
    });
    expect(config).toMatchObject({ driver: 's3', bucket: BUCKET, prefix: 'configured/prefix', forcePathStyle: true, region: 'eu-west-1' });
    const configured = createObjectStorage(config);
    try {
      const stored = await configured.put('network/diagram.png', Readable.from([Buffer.from('diagram')]), { size: 7 });
      expect(stored).toMatchObject({ size: 7, keyId: 'dev' });
      expect(await keysInBucket('configured/prefix')).toEqual(['network/diagram.png']);
    } finally {
      await configured.close();
    }
  });
});
