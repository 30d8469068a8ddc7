// A light entry point: Redis helpers only, for specs that must not load the domain libraries the
// main entry's fixtures import (the job runner's spec: those libraries declare jobs of their own).
export { deleteRedisKeys } from './lib/redis-keys';
