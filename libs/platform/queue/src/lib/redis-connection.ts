import IORedis, { RedisOptions } from 'ioredis';

/**
 * Two kinds of connection: commands (enqueue, health) fail fast when Redis is away, so an HTTP
 * request never hangs on it; workers block on Redis and must retry forever (BullMQ requires it).
 */
export function createCommandConnection(url: string, name: string): IORedis {
  return new IORedis(url, {
    connectionName: name,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2_000,
    lazyConnect: false,
  } satisfies RedisOptions);
}

export function createWorkerConnection(url: string, name: string): IORedis {
  return new IORedis(url, { connectionName: name, maxRetriesPerRequest: null, connectTimeout: 5_000 });
}

/** BullMQ key prefix: one per deployment, in braces so every key of a queue hashes to one Cluster slot. */
export function queuePrefix(prefix: string): string {
  return `{${prefix}}`;
}
