export { HandlesJob } from './lib/handles-job.decorator';
export { defineJob, definedJobs, type JobDefinition, type JobEnvelope, jobIdFor, QUEUE_NAMES, type QueueName } from './lib/job-definition';
export { type EnqueueRequest, JobQueue } from './lib/job-queue';
export { JobHandlerRegistryError, JobRunner } from './lib/job-runner';
export { QueueModule } from './lib/queue.module';
export { createCommandConnection, createWorkerConnection, queuePrefix } from './lib/redis-connection';
export { RetryPolicies, type RetryPolicy } from './lib/retry-policies';
export { ScheduleKeeper } from './lib/schedule-keeper';
