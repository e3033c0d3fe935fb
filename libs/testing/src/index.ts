export { uniqueTestPrefix, dropDatabasesWithPrefix, deleteRedisKeys } from './isolation';
export { executeOperation, operationData, TEST_SUPPORT_ENGINEER, type OperationResult } from './execute-operation';
export { databaseFingerprint, quiescentFingerprint } from './database-fingerprint';
export { startPrivateRedisCluster, type PrivateRedisCluster } from './redis-cluster';
export { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from './otlp-receiver';
