import { Injectable, Logger } from '@nestjs/common';
import { Notification, Notifier } from '@cong/notifications';
import { TenantDatabase } from '@cong/platform-database';
import { HandlesJob } from '@cong/platform-queue';
import { addDays, DateRange, dmy, Period, ProvinceCalendar, Report, todayIn } from '@cong/rules';
import { ComplianceEvaluation } from '../progress/compliance-evaluation';
import { ProvinceJobs, TenantRepository } from '@cong/tenancy';
import { unitIdsByCode } from '@cong/units';
import { ComplianceReports, periodLabel } from './compliance-reports';
import { DeliveredReport } from './delivered-report.entity';
import { DeliverReports } from './deliver-reports.job';
import { inclusiveRange } from './official-format';

/** How far back a report period is looked for: enough for every month of ten years. */
const MAX_PERIODS_BACK = 120;

export type ReportDueStatus = 'due' | 'late' | 'delivered';

/** A report of an ended period: when it is due, and whether it was delivered. */
export interface ReportDue {
  report: string;
  name: string;
  requirement: string;
  period: { kind: string; start: string; end: string; label: string };
  /** The last day to send it (the period's end plus `dueWithinDays`); null when the rules set none. */
  dueOn: string | null;
  /** `due`: not delivered, not yet late; `late`: not delivered and past `dueOn`; `delivered`. */
  status: ReportDueStatus;
  /** Days past `dueOn` (late, or delivered late). */
  daysLate: number;
  recipients: string[];
  deliveredAt: Date | null;
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const percent = (rate: number | null) => (rate === null ? '—' : `${String(rate).replace('.', ',')} %`);

/**
 * Reports go to their recipients when their period closes (NA-12.3, LC-3.4): the accounts the
 * report's `deliverTo` names are notified in-app and by e-mail (where SMTP is set), once per
 * period. The list says which reports of ended periods are due, late or delivered.
 *
 * A report is owed for the periods whose due day came after the province came onto the platform
 * (its first rules were applied): no report is late for a period before that.
 */
@Injectable()
export class ReportDeliveries {
  private readonly logger = new Logger(ReportDeliveries.name);

  constructor(
    private readonly db: TenantDatabase,
    private readonly evaluation: ComplianceEvaluation,
    private readonly reports: ComplianceReports,
    private readonly notifier: Notifier,
    private readonly provinces: ProvinceJobs,
    private readonly tenants: TenantRepository,
  ) {}

  @HandlesJob(DeliverReports)
  async run(_data: unknown, job: { data: { tenantId: string | null } }): Promise<string> {
    const tenant = await this.provinces.provinceOf(job);
    if (!tenant) return 'no-tenant';
    const delivered = await this.deliverDue(tenant.id);
    if (delivered.length)
      this.logger.log(
        { tenant: tenant.code, delivered: delivered.map((d) => `${d.reportId} ${d.periodKind} ${d.periodStart}`) },
        'Reports delivered',
      );
    return `${delivered.length} delivered`;
  }

  /** The reports of periods ended by `asOf` (the province's date), oldest first, with their status on that day. */
  async list(tenantId: string, asOf: string): Promise<ReportDue[]> {
    const inForce = await this.evaluation.rulesOn(tenantId, asOf);
    const firstApplied = await this.evaluation.firstAppliedAt(tenantId);
    if (!inForce || !firstApplied) return [];
    const { rules } = inForce;
    const calendar = new ProvinceCalendar(rules.timezone, rules.calendar);
    const onPlatformSince = todayIn(rules.timezone, firstApplied);
    const delivered = new Map((await this.delivered(tenantId)).map((d) => [`${d.reportId}|${d.periodKind}|${d.periodStart}`, d]));
    const owed: ReportDue[] = [];
    for (const report of rules.reports) {
      for (const kind of report.periods as Period[]) {
        let period = calendar.periodOf(kind, asOf);
        for (let i = 0; i < MAX_PERIODS_BACK; i++) {
          period = calendar.periodOf(kind, addDays(period.start, -1));
          const dueOn = dueDay(report, period);
          if ((dueOn ?? addDays(period.end, -1)) < onPlatformSince) break;
          const then = await this.evaluation.rulesForPeriod(tenantId, kind, period.start);
          if (!then) break;
          // Owed only for periods whose own rules had this report, made for this kind of period.
          if (!then.rules.reports.some((r) => r.id === report.id && r.periods.includes(kind))) continue;
          owed.push(entry(report, kind, period, dueOn, asOf, rules.timezone, delivered.get(`${report.id}|${kind}|${period.start}`)));
        }
      }
    }
    return owed.sort(
      (a, b) => a.period.end.localeCompare(b.period.end) || a.report.localeCompare(b.report) || a.period.kind.localeCompare(b.period.kind),
    );
  }

  /** Delivers every report owed and not yet delivered (due or late) at `now`; returns what it delivered. */
  async deliverDue(tenantId: string, now: Date = new Date()): Promise<DeliveredReport[]> {
    const tenant = await this.tenants.findById(tenantId);
    if (!tenant) return [];
    const today = todayIn(tenant.timezone, now);
    const inForce = await this.evaluation.rulesOn(tenantId, today);
    if (!inForce) return [];
    const delivered: DeliveredReport[] = [];
    const sent: Notification[] = [];
    const failed: string[] = [];
    for (const owed of (await this.list(tenantId, today)).filter((r) => r.status !== 'delivered')) {
      const report = inForce.rules.reports.find((r) => r.id === owed.report)!;
      const outcome = await this.deliver(tenantId, report, owed, inForce.version, now).catch((error: Error) => {
        // One report that cannot be made does not hold back the others; the job is retried.
        this.logger.error(
          { err: error.message, report: report.id, period: `${owed.period.kind} ${owed.period.start}` },
          'Report not delivered',
        );
        failed.push(`${report.id} ${owed.period.kind} ${owed.period.start}`);
        return null;
      });
      if (!outcome) continue;
      delivered.push(outcome.record);
      sent.push(...outcome.notifications);
    }
    if (sent.length)
      await this.notifier.mail(sent).catch((error: Error) => this.logger.warn({ err: error.message }, 'Could not queue report e-mails'));
    if (failed.length) throw new Error(`Reports not delivered: ${failed.join(', ')}`);
    return delivered;
  }

  /** One report to its people, claimed by its period's row first: null when it was delivered already. */
  private async deliver(
    tenantId: string,
    report: Report,
    owed: ReportDue,
    ruleVersion: number,
    now: Date,
  ): Promise<{ record: DeliveredReport; notifications: Notification[] } | null> {
    const doc = await this.reports.build(tenantId, report.id, owed.period.kind as Period, owed.period.start, now);
    return this.db.transaction(tenantId, async (m) => {
      const unitIds = await unitIdsByCode(m, tenantId, report.deliverTo.units);
      const people = new Set([
        ...(await this.notifier.holders(m, tenantId, report.deliverTo.roles, [])),
        ...(unitIds.length ? await this.notifier.holders(m, tenantId, ['unit_head'], unitIds) : []),
      ]);
      const inserted = await m
        .createQueryBuilder()
        .insert()
        .into(DeliveredReport)
        .values({
          tenantId,
          reportId: report.id,
          periodKind: owed.period.kind,
          periodStart: owed.period.start,
          periodEnd: owed.period.end,
          dueOn: owed.dueOn,
          recipients: report.recipients,
          notified: people.size,
          ruleVersion,
        })
        .orIgnore() // delivered already (a second run, two workers): nothing goes out twice
        .returning('*')
        .execute();
      if (!Array.isArray(inserted.raw) || inserted.raw.length === 0) return null;
      const record = await m
        .getRepository(DeliveredReport)
        .findOneByOrFail({ tenantId, reportId: report.id, periodKind: owed.period.kind, periodStart: owed.period.start });
      const notifications = await this.notifier.notify(m, tenantId, people, {
        kind: 'compliance.report_delivered',
        title: `${doc.title}: ${doc.period.label}`,
        body: [
          `Kỳ báo cáo: ${doc.period.label} (${inclusiveRange(doc.period)}); tỷ lệ thực hiện chung ${percent(doc.totals.rate)}.`,
          `Nơi nhận: ${report.recipients.join('; ')}.`,
          owed.dueOn ? `Hạn gửi: ${dmy(owed.dueOn)}${owed.status === 'late' ? ` (đã quá hạn ${owed.daysLate} ngày)` : ''}.` : null,
          `Tải báo cáo: /api/v1/compliance/reports/${report.id}?period=${owed.period.kind}&date=${owed.period.start}&format=xlsx`,
        ]
          .filter(Boolean)
          .join('\n'),
        subject: { type: 'compliance_report_delivery', id: record.id },
      });
      return { record, notifications };
    });
  }

  private delivered(tenantId: string): Promise<DeliveredReport[]> {
    return this.db.transaction(tenantId, (m) =>
      m.getRepository(DeliveredReport).find({ where: { tenantId }, order: { periodStart: 'ASC' } }),
    );
  }
}

/** The last day to send a report: `dueWithinDays` calendar days after the period's last day. */
function dueDay(report: Report, period: DateRange): string | null {
  return report.dueWithinDays === undefined ? null : addDays(period.end, report.dueWithinDays - 1);
}

function entry(
  report: Report,
  kind: Period,
  period: DateRange,
  dueOn: string | null,
  asOf: string,
  timezone: string,
  delivery: DeliveredReport | undefined,
): ReportDue {
  const base = {
    report: report.id,
    name: report.name,
    requirement: report.requirement,
    period: { kind, ...period, label: periodLabel(kind, period) },
    dueOn,
    recipients: report.recipients,
  };
  if (delivery) {
    const deliveredOn = todayIn(timezone, delivery.deliveredAt);
    return {
      ...base,
      status: 'delivered',
      daysLate: dueOn && deliveredOn > dueOn ? daysBetween(dueOn, deliveredOn) : 0,
      deliveredAt: delivery.deliveredAt,
    };
  }
  const late = dueOn !== null && asOf > dueOn;
  return { ...base, status: late ? 'late' : 'due', daysLate: late ? daysBetween(dueOn!, asOf) : 0, deliveredAt: null };
}
