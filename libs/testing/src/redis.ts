// A light entry point: Redis helpers and waiting on a condition only, for specs that must not load
// the domain libraries the main entry's fixtures import (the job runner's spec: those libraries
// declare jobs of their own).
export { deleteRedisKeys } from './lib/redis-keys';
export { until } from './lib/until';
