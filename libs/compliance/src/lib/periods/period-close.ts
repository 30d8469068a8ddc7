import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { TenantDatabase } from '@cong/platform-database';
import { DomainError } from '@cong/platform-errors';
import { defineJob, HandlesJob, JobQueue, RetryPolicies } from '@cong/platform-queue';
import { addDays, dmy, Period, PERIODS, ProvinceCalendar, todayIn } from '@cong/rules';
import { ProvinceJobs } from '@cong/tenancy';
import { randomUUID } from 'node:crypto';
import { DeliverReports } from '../reports/deliver-reports.job';
import { ComplianceEvaluation } from '../progress/compliance-evaluation';
import { PeriodSnapshot } from './period-snapshot.entity';

/** Closes a province's periods that have ended (its job runs just after its midnight). */
export const ClosePeriods = defineJob<Record<string, never>>('compliance.close-periods', 'compliance', RetryPolicies.persistent);
/** Five past midnight, the province's time: yesterday's week, month, … have ended. */
const CLOSE_AT = '5 0 * * *';

const periodOpen = (end: string) =>
  new DomainError(
    'COMPLIANCE_PERIOD_OPEN',
    'conflict',
    `Kỳ này chưa kết thúc (kết thúc ngày ${dmy(addDays(end, -1))}); chưa thể chốt kết quả.`,
  );

/**
 * Period close: each ended period's results stored once, as an immutable snapshot with the rule
 * versions that judged it. Closing again returns the same snapshot (recomputation is idempotent:
 * the unique key keeps the first). In the worker, each province has a BullMQ job scheduler in its
 * own time zone, and every worker start catches up what closed while none ran.
 */
@Injectable()
export class PeriodClose implements OnApplicationBootstrap {
  private readonly logger = new Logger(PeriodClose.name);

  constructor(
    private readonly db: TenantDatabase,
    private readonly evaluation: ComplianceEvaluation,
    private readonly provinces: ProvinceJobs,
    private readonly queue: JobQueue,
  ) {}

  /**
   * In the worker: the schedulers, and a close at once per province for what ended while none ran
   * (or while Redis, having lost the schedulers, ran none).
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.provinces.declare(ClosePeriods, 'compliance-close', CLOSE_AT, async (active) => {
      for (const tenant of active)
        await this.queue.enqueue(ClosePeriods, { tenantId: tenant.id, idempotencyKey: `catch-up-${randomUUID()}`, data: {} });
    });
  }

  @HandlesJob(ClosePeriods)
  async run(_data: unknown, job: { data: { tenantId: string | null } }): Promise<string> {
    const tenant = await this.provinces.provinceOf(job);
    if (!tenant) return 'no-tenant';
    const closed = await this.closeDue(tenant.id, todayIn(tenant.timezone), 'scheduled');
    if (closed.length)
      this.logger.log({ tenant: tenant.code, closed: closed.map((s) => `${s.periodKind} ${s.periodStart}`) }, 'Periods closed');
    // The reports of what closed go to their recipients (each once: deliveries are keyed by period).
    await this.queue.enqueue(DeliverReports, { tenantId: tenant.id, idempotencyKey: `after-close-${randomUUID()}`, data: {} });
    return `${closed.length} closed`;
  }

  /** The snapshot of the period of `kind` holding `date`: stored the first time, the same one after. */
  async close(tenantId: string, kind: Period, date: string, by: string): Promise<{ snapshot: PeriodSnapshot; created: boolean }> {
    // A first, partial period (rules in force from its middle) closes too: it is judged from that day.
    const inForce = await this.evaluation.rulesForPeriod(tenantId, kind, date);
    if (!inForce) throw new DomainError('COMPLIANCE_NO_RULES', 'not_found', 'Chưa có quy định nào có hiệu lực trong kỳ này.');
    const { range } = inForce;
    if (range.end > todayIn(inForce.rules.timezone)) throw periodOpen(range.end);
    const existing = await this.find(tenantId, kind, range.start);
    if (existing) return { snapshot: existing, created: false };
    const results = (await this.evaluation.resultsFor(tenantId, range))!;
    const inserted = await this.db.transaction(tenantId, (m) =>
      m
        .createQueryBuilder()
        .insert()
        .into(PeriodSnapshot)
        .values({
          tenantId,
          periodKind: kind,
          periodStart: range.start,
          periodEnd: range.end,
          ruleVersions: results.ruleVersions,
          results,
          computedBy: by,
        })
        .orIgnore()
        .execute(),
    );
    return { snapshot: (await this.find(tenantId, kind, range.start))!, created: Array.isArray(inserted.raw) && inserted.raw.length > 0 };
  }

  /** Closes, for every kind of period, the last one that ended by `today`, if not closed yet. */
  async closeDue(tenantId: string, today: string, by: string): Promise<PeriodSnapshot[]> {
    const created: PeriodSnapshot[] = [];
    for (const kind of PERIODS) {
      const inForce = await this.evaluation.rulesOn(tenantId, today);
      if (!inForce) return created;
      const calendar = new ProvinceCalendar(inForce.rules.timezone, inForce.rules.calendar);
      const lastEnded = calendar.periodOf(kind, addDays(calendar.periodOf(kind, today).start, -1));
      if (!(await this.evaluation.rulesForPeriod(tenantId, kind, lastEnded.start))) continue; // before the province's first rules
      const result = await this.close(tenantId, kind, lastEnded.start, by);
      if (result.created) created.push(result.snapshot);
    }
    return created;
  }

  list(tenantId: string, kind: Period, from: string, to: string): Promise<PeriodSnapshot[]> {
    return this.db.transaction(tenantId, (m) =>
      m
        .getRepository(PeriodSnapshot)
        .createQueryBuilder('s')
        .where('s.tenant_id = :tenantId AND s.period_kind = :kind AND s.period_start >= :from AND s.period_start < :to', {
          tenantId,
          kind,
          from,
          to,
        })
        .orderBy('s.period_start', 'ASC')
        .getMany(),
    );
  }

  /** The stored snapshot of a period, if it was closed. */
  find(tenantId: string, kind: string, start: string): Promise<PeriodSnapshot | null> {
    return this.db.transaction(tenantId, (m) =>
      m.getRepository(PeriodSnapshot).findOneBy({ tenantId, periodKind: kind, periodStart: start }),
    );
  }
}
