import { SetMetadata } from '@nestjs/common';
import { JobDefinition } from './job-definition';

export const HANDLES_JOB = 'queue:handles-job';

/**
 * Marks a provider method as the handler of a job. Handlers must be safe to re-run: side effects
 * guarded by unique constraints, external calls last.
 */
export const HandlesJob = (def: JobDefinition<unknown>) => SetMetadata(HANDLES_JOB, def);
