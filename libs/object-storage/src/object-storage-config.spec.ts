import { join } from 'node:path';
import { objectStorageConfig, describeObjectStorage } from './object-storage-config';

describe('object storage configuration', () => {
  it('by default, the filesystem under var/object-storage of the working directory', () => {
    expect(objectStorageConfig({}, '/srv/polyplus')).toMatchObject({
      driver: 'filesystem',
      directory: join('/srv/polyplus', 'var/object-storage'),
    });
  });

  it('OBJECT_STORAGE_DIR, relative or absolute, or a file:// URL chooses the directory', () => {
    expect(objectStorageConfig({ OBJECT_STORAGE_DIR: 'data/files' }, '/srv')).toMatchObject({ directory: '/srv/data/files' });
    expect(objectStorageConfig({ OBJECT_STORAGE_DIR: '/var/lib/polyplus' }, '/srv')).toMatchObject({ directory: '/var/lib/polyplus' });
    expect(objectStorageConfig({ OBJECT_STORAGE_URL: 'file:///var/lib/poly%20plus' })).toMatchObject({
      driver: 'filesystem',
      directory: '/var/lib/poly plus',
    });
  });

  it('s3://bucket on AWS: virtual-hosted style, the SDK’s own credentials chain', () => {
    expect(objectStorageConfig({ OBJECT_STORAGE_URL: 's3://polyplus-files', AWS_REGION: 'eu-central-1' })).toEqual(
      expect.objectContaining({
        driver: 's3',
        bucket: 'polyplus-files',
        prefix: undefined,
        endpoint: undefined,
        region: 'eu-central-1',
        forcePathStyle: false,
        credentials: undefined,
      }),
    );
  });

  it('an S3-compatible endpoint defaults to path style, which OBJECT_STORAGE_FORCE_PATH_STYLE may turn off', () => {
    const env = { OBJECT_STORAGE_URL: 's3://files/prod', OBJECT_STORAGE_ENDPOINT: 'https://minio.internal:9000' };
    expect(objectStorageConfig(env)).toMatchObject({ forcePathStyle: true, prefix: 'prod', endpoint: 'https://minio.internal:9000' });
    expect(objectStorageConfig({ ...env, OBJECT_STORAGE_FORCE_PATH_STYLE: 'false' })).toMatchObject({ forcePathStyle: false });
  });

  it.each([
    [{ OBJECT_STORAGE_URL: 'ftp://files' }, /OBJECT_STORAGE_URL/],
    [{ OBJECT_STORAGE_URL: 'not a url' }, /OBJECT_STORAGE_URL/],
    [{ OBJECT_STORAGE_URL: 's3://x' }, /OBJECT_STORAGE_URL must name a bucket/],
    [{ OBJECT_STORAGE_URL: 's3://files', OBJECT_STORAGE_ENDPOINT: 'minio:9000' }, /OBJECT_STORAGE_ENDPOINT/],
    [{ OBJECT_STORAGE_URL: 's3://files', OBJECT_STORAGE_ACCESS_KEY_ID: 'id' }, /OBJECT_STORAGE_SECRET_ACCESS_KEY/],
    [{ OBJECT_STORAGE_URL: 's3://files', OBJECT_STORAGE_FORCE_PATH_STYLE: 'yes' }, /OBJECT_STORAGE_FORCE_PATH_STYLE/],
    [{ NODE_ENV: 'production' }, /OBJECT_STORAGE_KEYS/],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(() => objectStorageConfig(env as NodeJS.ProcessEnv)).toThrow(message);
  });

  it('describes itself without secrets', () => {
    const config = objectStorageConfig({
      OBJECT_STORAGE_URL: 's3://files/p',
      OBJECT_STORAGE_ENDPOINT: 'http://127.0.0.1:9000',
      OBJECT_STORAGE_ACCESS_KEY_ID: 'AKIA',
      OBJECT_STORAGE_SECRET_ACCESS_KEY: 'very-secret',
    });
    expect(describeObjectStorage(config)).toBe('s3 s3://files/p at http://127.0.0.1:9000, encrypted with key dev (1 in the keyring)');
  });
});
