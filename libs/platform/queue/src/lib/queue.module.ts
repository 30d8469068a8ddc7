import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig } from '@cong/platform-config';
import IORedis from 'ioredis';
import { JobQueue } from './job-queue';
import { JobRunner } from './job-runner';
import { createCommandConnection } from './redis-connection';
import { ScheduleKeeper } from './schedule-keeper';

/**
 * `forProducer()` in every app (enqueue, Redis health); `forWorker()` in apps/worker adds the
 * handler discovery, the BullMQ workers and the ScheduleKeeper (recurring work kept declared).
 */
@Global()
@Module({})
export class QueueModule implements OnApplicationShutdown {
  constructor(@Inject(IORedis) private readonly redis: IORedis) {}

  static forProducer(connectionName = 'cong'): DynamicModule {
    return {
      module: QueueModule,
      providers: [
        {
          provide: IORedis,
          inject: [AppConfig],
          useFactory: (config: AppConfig) => createCommandConnection(config.redis.url, connectionName),
        },
        JobQueue,
      ],
      exports: [IORedis, JobQueue],
    };
  }

  static forWorker(): DynamicModule {
    const producer = QueueModule.forProducer('cong-worker');
    return {
      ...producer,
      imports: [DiscoveryModule],
      providers: [...(producer.providers ?? []), JobRunner, ScheduleKeeper],
      exports: [...(producer.exports ?? []), JobRunner, ScheduleKeeper],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}
