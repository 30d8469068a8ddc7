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
   * has lost the schedulers — and kept in step with the provinces: at every check of the
   * ScheduleKeeper (WORKER_SCHEDULE_CHECK_MS) a province applied since gets its scheduler and its
   * catch-up, one whose time zone changed is declared again, and one no longer active loses its
   * scheduler. Elsewhere nothing. Returns the provinces of the first declaration.
   */
  async declare(
    def: JobDefinition<Record<string, never>>,
    prefix: string,
    pattern: string,
    afterwards?: (active: Tenant[]) => Promise<void>,
  ): Promise<Tenant[]> {
    if (!this.keeper) return [];
    let first: Tenant[] | undefined;
    /** Province id → the time zone its scheduler was declared in. */
    const declared = new Map<string, string>();
    const schedule = async (tenants: Tenant[]) => {
      for (const tenant of tenants) {
        await this.queue.repeat(def, `${prefix}-${tenant.id}`, { pattern, tz: tenant.timezone }, {}, tenant.id);
        declared.set(tenant.id, tenant.timezone);
      }
    };
    const active = async () => (await this.tenants.listAll()).filter((t) => t.status === 'active');
    await this.keeper.keep(
      def.name,
      async () => {
        const provinces = await active();
        await schedule(provinces);
        first ??= provinces;
        await afterwards?.(provinces);
      },
      async () => {
        const provinces = await active();
        const fresh = provinces.filter((t) => declared.get(t.id) !== t.timezone);
        for (const id of [...declared.keys()].filter((id) => !provinces.some((t) => t.id === id))) {
          await this.queue.unrepeat(def, `${prefix}-${id}`);
          declared.delete(id);
        }
        if (fresh.length === 0) return;
        await schedule(fresh);
        await afterwards?.(fresh);
      },
    );
    return first ?? [];
  }

  /** The active province a job runs for, or null (gone, suspended, or a job without one). */
  async provinceOf(job: { data: { tenantId: string | null } }): Promise<Tenant | null> {
    const tenant = job.data.tenantId ? await this.tenants.findById(job.data.tenantId) : null;
    return tenant?.status === 'active' ? tenant : null;
  }
}
