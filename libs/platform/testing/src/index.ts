export { deleteRedisKeys } from './lib/redis-keys';
export { ALL_ENTITIES, type NewTestTenant, TestContext } from './lib/test-context';
export { TestDatabase } from './lib/test-database';
export { ownerUrl, withDatabase } from './lib/test-environment';
export { type HttpRequest, type HttpResponse, httpRequest } from './lib/http-client';
export { TcpProxy } from './lib/tcp-proxy';
export { RedisServer } from './lib/redis-server';
export { SAMPLE_FIELDS } from './lib/content-samples';
export { ruleVariant, type RuleTree } from './lib/rule-variants';
