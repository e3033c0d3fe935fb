export { uniqueTestPrefix, dropDatabasesWithPrefix, deleteRedisKeys } from './isolation';
export { executeOperation, operationData, TEST_SUPPORT_ENGINEER, type OperationResult } from './execute-operation';
export { databaseFingerprint, quiescentFingerprint } from './database-fingerprint';
export { countQueries, type QueryCounter } from './query-counter';
export { startPrivateRedisCluster, type PrivateRedisCluster } from './redis-cluster';
export { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from './otlp-receiver';
export { committedSubgraphSchema, serviceDocumentErrors, serviceDocumentsIn } from './service-document-check';
export { answer, fakeSubgraphClient, type FakeRoute } from './fake-subgraph-client';
export { londonTechnician, unplacedLondonVisit } from './dispatch-fixtures';
