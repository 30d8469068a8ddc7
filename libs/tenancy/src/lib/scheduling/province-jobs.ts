import { Injectable, Optional } from '@nestjs/common';
import { JobDefinition, JobQueue, ScheduleKeeper } from '@cong/platform-queue';
import { Tenant } from '../tenants/tenant.entity';
import { TenantRepository } from '../tenants/tenant.repository';

/**
 * Jobs that run per province on its own clock (period close, reminders, suspending unused
 * accounts): here, beside the provinces, so any feature library can declare one. Declared in the
 * worker only, one BullMQ job scheduler per active province with a cron pattern in the province's
 * zone, kept declared by the ScheduleKeeper (declared again, catch-up included, if Redis loses them).
 */
@Injectable()
export class ProvinceJobs {
  constructor(
    private readonly tenants: TenantRepository,
    private readonly queue: JobQueue,
    @Optional() private readonly keeper?: ScheduleKeeper,
  ) {}

  /**
   * In the worker: `pattern` in each active province's zone (scheduler `<prefix>-<tenant id>`), then
   * `afterwards` with those provinces (a catch-up); kept declared — both done again whenever Redis
   * has lost the schedulers. Elsewhere nothing. Returns the provinces of the first declaration.
   */
  async declare(def: JobDefinition<Record<string, never>>, prefix: string, pattern: string, afterwards?: (active: Tenant[]) => Promise<void>): Promise<Tenant[]> {
    if (!this.keeper) return [];
    let first: Tenant[] | undefined;
    await this.keeper.keep(def.name, async () => {
      const active = (await this.tenants.listAll()).filter((t) => t.status === 'active');
      for (const tenant of active) await this.queue.repeat(def, `${prefix}-${tenant.id}`, { pattern, tz: tenant.timezone }, {}, tenant.id);
      first ??= active;
      await afterwards?.(active);
    });
    return first ?? [];
  }

  /** The active province a job runs for, or null (gone, suspended, or a job without one). */
  async provinceOf(job: { data: { tenantId: string | null } }): Promise<Tenant | null> {
    const tenant = job.data.tenantId ? await this.tenants.findById(job.data.tenantId) : null;
    return tenant?.status === 'active' ? tenant : null;
  }
}
