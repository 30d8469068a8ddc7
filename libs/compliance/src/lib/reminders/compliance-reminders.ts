import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Notification, Notifier } from '@cong/notifications';
import { TenantDatabase } from '@cong/platform-database';
import { defineJob, HandlesJob, RetryPolicies } from '@cong/platform-queue';
import { dmy, Period, ProvinceCalendar, QUESTION_CLOCK, todayIn } from '@cong/rules';
import { ProvinceJobs, TenantRepository } from '@cong/tenancy';
import { unitIdsByCode } from '@cong/units';
import { DateTime } from 'luxon';
import { evaluateDeadline } from '../evaluators/deadline.evaluator';
import { evaluateQuota } from '../evaluators/quota.evaluator';
import { evaluateSchedule } from '../evaluators/schedule.evaluator';
import { ComplianceEvaluation } from '../progress/compliance-evaluation';
import { inclusiveRange } from '../reports/official-format';
import { ComplianceFacts } from '../progress/compliance-facts';

/** Every hour on the hour, the province's time: whoever is behind hears of it (once). */
export const SendReminders = defineJob<Record<string, never>>('compliance.send-reminders', 'compliance', RetryPolicies.standard);

interface Due {
  key: string;
  unit: string;
  kind: string;
  title: string;
  body: string;
}

/**
 * Reminders to units that are behind, in-app and by e-mail, at the times the rules' `reminders`
 * set: before a quota period ends, before a required day ends with nothing posted, before a legal
 * document falls due unpublished. Each goes once (keyed by rule, period or document, and unit);
 * the unit's editors and heads receive it.
 */
@Injectable()
export class ComplianceReminders implements OnApplicationBootstrap {
  private readonly logger = new Logger(ComplianceReminders.name);

  constructor(
    private readonly db: TenantDatabase,
    private readonly evaluation: ComplianceEvaluation,
    private readonly facts: ComplianceFacts,
    private readonly notifier: Notifier,
    private readonly tenants: TenantRepository,
    private readonly provinces: ProvinceJobs,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.provinces.declare(SendReminders, 'compliance-reminders', '0 * * * *');
  }

  @HandlesJob(SendReminders)
  async run(_data: unknown, job: { data: { tenantId: string | null } }): Promise<string> {
    const tenant = await this.provinces.provinceOf(job);
    if (!tenant) return 'no-tenant';
    return `${(await this.sendDue(tenant.id)).length} sent`;
  }

  /** Sends what is due at `now` and was not sent yet; returns the notifications written. */
  async sendDue(tenantId: string, now: Date = new Date()): Promise<Notification[]> {
    const due = await this.dueAt(tenantId, now);
    const sent: Notification[] = [];
    for (const d of due) {
      const written = await this.db.transaction(tenantId, async (m) => {
        const claimed: unknown[] = await m.query(
          `INSERT INTO compliance_reminder (tenant_id, key) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING key`,
          [tenantId, d.key],
        );
        if (claimed.length === 0) return [];
        const unitIds = await unitIdsByCode(m, tenantId, [d.unit]);
        const people = unitIds.length ? await this.notifier.holders(m, tenantId, ['unit_editor', 'unit_head'], unitIds) : [];
        return this.notifier.notify(m, tenantId, people, { kind: d.kind, title: d.title, body: d.body });
      });
      sent.push(...written);
    }
    if (sent.length) {
      await this.notifier.mail(sent).catch((error: Error) => this.logger.warn({ err: error.message }, 'Could not queue reminder e-mails'));
    }
    return sent;
  }

  /** What should be reminded at `now`: only inside each reminder's window, so a late run sends nothing stale. */
  private async dueAt(tenantId: string, now: Date): Promise<Due[]> {
    const inForce = await this.evaluation.rulesOn(tenantId, todayIn((await this.tenants.findById(tenantId))!.timezone, now));
    if (!inForce) return [];
    const { rules } = inForce;
    const zone = rules.timezone;
    const calendar = new ProvinceCalendar(zone, rules.calendar);
    const today = calendar.dateOf(now);
    const endOf = (date: string) => DateTime.fromISO(date, { zone }).toJSDate().getTime();
    const within = (end: number, hours: number) => now.getTime() < end && now.getTime() >= end - hours * 3600_000;
    const units = await this.facts.units(tenantId);
    const due: Due[] = [];

    for (const quota of rules.quotas) {
      const period = calendar.periodOf(quota.period as Period, today);
      if (!within(endOf(period.end), rules.reminders.hoursBeforePeriodEnd)) continue;
      const facts = await this.facts.publications(tenantId, period, zone);
      for (const r of evaluateQuota(quota, period, units, facts, calendar).filter((q) => !q.met)) {
        due.push({
          key: `quota|${quota.id}|${period.start}|${r.unit}`,
          unit: r.unit,
          kind: 'compliance.quota_reminder',
          title: `Nhắc việc: mới đăng ${r.counted} trên ${r.required} tin (${quota.requirement})`,
          body: `Kỳ ${inclusiveRange(period)} sắp kết thúc; đơn vị cần đăng thêm ${r.required - r.counted} tin.`,
        });
      }
    }
    const day = { start: today, end: calendar.addDays(today, 1, 'calendar') };
    if (within(endOf(day.end), rules.reminders.hoursBeforeDayEnd)) {
      const facts = await this.facts.publications(tenantId, day, zone);
      for (const schedule of rules.schedules) {
        for (const r of evaluateSchedule(schedule, day, units, facts, calendar).filter((s) => s.missedDays.includes(today))) {
          due.push({
            key: `schedule|${schedule.id}|${today}|${r.unit}`,
            unit: r.unit,
            kind: 'compliance.schedule_reminder',
            title: `Nhắc việc: hôm nay (${dmy(today)}) đơn vị chưa đăng tin (${schedule.requirement})`,
            body: `Theo quy định, hôm nay là ngày bắt buộc cập nhật thông tin.`,
          });
        }
      }
    }
    for (const rule of rules.deadlines) {
      const horizon = calendar.addDays(today, rules.reminders.daysBeforeDeadline, 'calendar');
      const facts = await this.facts.deadlineFacts(tenantId, rule.contentType, rule.startsFrom, {
        start: calendar.addDays(today, -60, 'calendar'),
        end: calendar.addDays(horizon, 1, 'calendar'),
      });
      const questions = rule.contentType === 'faq' && rule.startsFrom === QUESTION_CLOCK;
      for (const d of evaluateDeadline(rule, units, facts, calendar, today)) {
        if (d.status === 'pending' && d.due !== null && d.due <= horizon) {
          due.push({
            key: `deadline|${rule.id}|${d.itemId}`,
            unit: d.unit,
            kind: 'compliance.deadline_reminder',
            title: questions
              ? `Nhắc việc: câu hỏi của người dân phải được trả lời trước ${dmy(d.due)} (${rule.requirement})`
              : `Nhắc việc: văn bản phải đăng trước ${dmy(d.due)} (${rule.requirement})`,
            body: questions
              ? `Một câu hỏi gửi đến đơn vị chưa có câu trả lời được đăng; hạn trả lời là ngày ${dmy(d.due)}.`
              : `Một văn bản của đơn vị chưa được đăng; hạn đăng là ngày ${dmy(d.due)}.`,
          });
        } else if (questions && d.status === 'missing' && d.due !== null) {
          // A question past its day is the asker still waiting: the unit hears of it once more.
          due.push({
            key: `deadline-overdue|${rule.id}|${d.itemId}`,
            unit: d.unit,
            kind: 'compliance.deadline_reminder',
            title: `Quá hạn: câu hỏi của người dân chưa được trả lời, hạn là ${dmy(d.due)} (${rule.requirement})`,
            body: `Một câu hỏi gửi đến đơn vị đã quá hạn trả lời ${d.daysLate} ngày${rule.dayKind === 'working' ? ' làm việc' : ''}; xem danh sách câu hỏi quá hạn.`,
          });
        }
      }
    }
    return due;
  }
}
