export { deleteRedisKeys } from './lib/redis-keys';
export { ALL_ENTITIES, type NewTestTenant, TestContext } from './lib/test-context';
export { TestDatabase } from './lib/test-database';
export { ownerUrl, withDatabase } from './lib/test-environment';
