import { defineJob, RetryPolicies } from '@cong/platform-queue';

/** Delivers the reports of the periods that closed (queued by each period-close run, its catch-up included). */
export const DeliverReports = defineJob<Record<string, never>>('compliance.deliver-reports', 'compliance', RetryPolicies.persistent);
