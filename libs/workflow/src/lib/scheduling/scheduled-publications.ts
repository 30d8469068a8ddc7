import { Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { ContentItem } from '@cong/content';
import { TenantDatabase } from '@cong/platform-database';
import { defineJob, HandlesJob, JobQueue, RetryPolicies, ScheduleKeeper } from '@cong/platform-queue';
import { TenantRepository } from '@cong/tenancy';
import { randomUUID } from 'node:crypto';
import { LessThanOrEqual } from 'typeorm';
import { ItemWorkflow, TransitionEvent } from '../transitions/item-workflow.service';

interface ScheduledStep {
  itemId: string;
  kind: 'publish' | 'unpublish';
}

/** Publishes a scheduled item, or takes one down at its embargo's end, when its time comes. */
export const RunScheduledStep = defineJob<ScheduledStep>('workflow.run-scheduled-step', 'publishing', RetryPolicies.persistent);
/** Every minute (and whenever Redis has lost its data): one SweepProvince job per active province. */
export const SweepSchedules = defineJob<Record<string, never>>('workflow.sweep-schedules', 'publishing', RetryPolicies.once);
/** One province's sweep: whatever of it is due and was not done is done now. */
export const SweepProvince = defineJob<Record<string, never>>('workflow.sweep-province', 'publishing', RetryPolicies.once);
const SWEEP_EVERY_MS = 60_000;

/**
 * Scheduled publishing and unpublishing on BullMQ:
 * - a step into a scheduled state (or with an embargo's end) enqueues a delayed job whose id is
 *   the item and the time, so scheduling twice runs once, and a rescheduled time is another job;
 * - the job asks the workflow to run the schedule, which does nothing unless the item is still
 *   scheduled for a time now past (a cancelled or moved schedule, a second worker, a retry: no-ops);
 * - delayed jobs wait in Redis for a worker, so one that was down publishes when it starts;
 * - a sweep every minute catches anything due that has no job; if Redis loses its data (the sweep's
 *   scheduler and the delayed jobs with it), the ScheduleKeeper declares the sweep again and it runs
 *   at once.
 */
@Injectable()
export class ScheduledPublications implements OnApplicationBootstrap {
  private readonly logger = new Logger(ScheduledPublications.name);

  constructor(
    private readonly workflow: ItemWorkflow,
    private readonly queue: JobQueue,
    private readonly db: TenantDatabase,
    private readonly tenants: TenantRepository,
    @Optional() private readonly keeper?: ScheduleKeeper,
  ) {
    workflow.afterTransition((event) => this.enqueueFor(event));
  }

  /**
   * In the worker (where jobs run): declare the sweep, and sweep at once for what fell due while no
   * worker ran — at start, and again whenever Redis turns out to have lost the sweep's scheduler
   * (its delayed jobs went with it).
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.keeper?.keep('workflow.sweep-schedules', async () => {
      await this.queue.repeat(SweepSchedules, 'workflow-sweep-schedules', { everyMs: SWEEP_EVERY_MS }, {});
      await this.queue.enqueue(SweepSchedules, { tenantId: null, idempotencyKey: `catch-up-${randomUUID()}`, data: {} });
    });
  }

  @HandlesJob(RunScheduledStep)
  async run(step: ScheduledStep, job: { data: { tenantId: string | null } }): Promise<string> {
    const tenant = job.data.tenantId ? await this.tenants.findById(job.data.tenantId) : null;
    if (!tenant) return 'no-tenant';
    const event = await this.workflow.runSchedule(tenant.id, tenant.timezone, step.itemId, step.kind);
    return event ? `${event.transition.action}: ${event.transition.fromState} → ${event.transition.toState}` : 'nothing-due';
  }

  /**
   * Fans out: one job per active province (its id and the sweep's in the job's key, so a sweep
   * enqueued twice runs each province once), so one province's many due items or a slow statement
   * never hold up another's, and a failure is retried or looked at per province.
   */
  @HandlesJob(SweepSchedules)
  async sweep(_data: Record<string, never>, job: { id?: string }): Promise<number> {
    const active = (await this.tenants.listAll()).filter((t) => t.status === 'active');
    for (const tenant of active)
      await this.queue.enqueue(SweepProvince, {
        tenantId: tenant.id,
        idempotencyKey: `sweep-${(job.id ?? randomUUID()).replace(/:/g, '-')}`,
        data: {},
      });
    return active.length;
  }

  @HandlesJob(SweepProvince)
  async sweepProvince(_data: Record<string, never>, job: { data: { tenantId: string | null } }): Promise<number> {
    const tenant = job.data.tenantId ? await this.tenants.findById(job.data.tenantId) : null;
    if (tenant?.status !== 'active') return 0;
    const now = new Date();
    const due = await this.db.transaction(tenant.id, async (m) => {
      const repo = m.getRepository(ContentItem);
      const publish = await repo.find({
        select: ['id'],
        where: { tenantId: tenant.id, status: 'scheduled', publishAt: LessThanOrEqual(now) },
      });
      const unpublish = await repo.find({
        select: ['id'],
        where: { tenantId: tenant.id, status: 'published', unpublishAt: LessThanOrEqual(now) },
      });
      return [
        ...publish.map((i) => ({ itemId: i.id, kind: 'publish' as const })),
        ...unpublish.map((i) => ({ itemId: i.id, kind: 'unpublish' as const })),
      ];
    });
    let done = 0;
    for (const step of due) {
      try {
        if (await this.workflow.runSchedule(tenant.id, tenant.timezone, step.itemId, step.kind)) done++;
      } catch (error) {
        this.logger.error(
          { tenant: tenant.code, itemId: step.itemId, err: (error as Error).message },
          'Scheduled step failed in the sweep',
        );
      }
    }
    if (done) this.logger.warn(`Sweep of ${tenant.code} ran ${done} scheduled step(s) that had no job`);
    return done;
  }

  /** After a step committed. Redis being away loses no schedule: the sweep finds it in the database. */
  private async enqueueFor(event: TransitionEvent): Promise<void> {
    const { item, tenantId } = event;
    try {
      if (event.toPhase === 'scheduled' && item.publishAt) await this.enqueue(tenantId, item.id, 'publish', item.publishAt);
      if ((event.toPhase === 'scheduled' || event.toPhase === 'published') && item.unpublishAt)
        await this.enqueue(tenantId, item.id, 'unpublish', item.unpublishAt);
    } catch (error) {
      this.logger.warn({ itemId: item.id, err: (error as Error).message }, 'Could not queue a scheduled step; the sweep will run it');
    }
  }

  private enqueue(tenantId: string, itemId: string, kind: ScheduledStep['kind'], at: Date): Promise<string> {
    return this.queue.enqueue(RunScheduledStep, {
      tenantId,
      idempotencyKey: `${itemId}-${kind}-${at.getTime()}`,
      runAt: at,
      actorId: null,
      data: { itemId, kind },
    });
  }
}
