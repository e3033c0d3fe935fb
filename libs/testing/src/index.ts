export { uniqueTestPrefix, dropDatabasesWithPrefix, deleteRedisKeys } from './isolation';
