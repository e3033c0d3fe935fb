export { uniqueTestPrefix, dropDatabasesWithPrefix, deleteRedisKeys } from './isolation';
export { executeOperation, operationData, type OperationResult } from './execute-operation';
