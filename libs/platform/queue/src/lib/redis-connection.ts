import { Logger } from '@nestjs/common';
import IORedis, { RedisOptions } from 'ioredis';

/**
 * Two kinds of connection: commands (enqueue, health) fail fast when Redis is away, so an HTTP
 * request never hangs on it; workers block on Redis and must retry forever (BullMQ requires it).
 */
export function createCommandConnection(url: string, name: string): IORedis {
  return reportOutages(
    new IORedis(url, {
      connectionName: name,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectTimeout: 2_000,
      lazyConnect: false,
    } satisfies RedisOptions),
    name,
  );
}

export function createWorkerConnection(url: string, name: string): IORedis {
  return reportOutages(new IORedis(url, { connectionName: name, maxRetriesPerRequest: null, connectTimeout: 5_000 }), name);
}

/**
 * ioredis emits an error per failed reconnect; without a listener each one is printed as an
 * "unhandled error event". Log the outage once when it starts and once when it ends instead.
 */
function reportOutages(redis: IORedis, name: string): IORedis {
  const logger = new Logger(`Redis:${name}`);
  let down = false;
  redis.on('error', (error: Error) => {
    if (down) return;
    down = true;
    logger.warn(`Redis unreachable (${error.message}); reconnecting`);
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    logger.log('Redis reachable again');
  });
  return redis;
}

/** BullMQ key prefix: one per deployment, in braces so every key of a queue hashes to one Cluster slot. */
export function queuePrefix(prefix: string): string {
  return `{${prefix}}`;
}
