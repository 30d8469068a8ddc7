import { Injectable } from '@nestjs/common';
import { DomainError } from '@cong/platform-errors';
import { addDays, DateRange, dmy, Period, ProvinceCalendar, todayIn } from '@cong/rules';
import { TenantRepository } from '@cong/tenancy';
import { PeriodClose } from '../periods/period-close';
import { ComplianceEvaluation, PeriodResults } from '../progress/compliance-evaluation';
import { ComplianceFacts } from '../progress/compliance-facts';
import { emulationScores, EmulationScore } from '../emulation/emulation-score';
import { deadlineItemLabel } from './official-format';
import { ReportDocument } from './report-files';
import { assessmentOf, reportRows } from './report-rows';

/** Earlier periods shown beside the reported one (the trend). */
const TREND_PERIODS = 3;
const ROMAN = ['I', 'II', 'III', 'IV'];

/** How officials name a period: "Tháng 11/2026", "Quý IV/2026", "6 tháng đầu năm 2026", "Năm 2026". */
export function periodLabel(kind: Period, range: DateRange): string {
  const [year, month] = range.start.split('-').map(Number);
  switch (kind) {
    case 'week':
      return `Tuần ${range.start.slice(8, 10)}/${range.start.slice(5, 7)}–${addDays(range.end, -1).slice(8, 10)}/${addDays(range.end, -1).slice(5, 7)}/${addDays(range.end, -1).slice(0, 4)}`;
    case 'month':
      return `Tháng ${month}/${year}`;
    case 'quarter':
      return `Quý ${ROMAN[Math.floor((month - 1) / 3)]}/${year}`;
    case 'half-year':
      return `6 tháng ${month === 1 ? 'đầu' : 'cuối'} năm ${year}`;
    case 'year':
      return `Năm ${year}`;
  }
}

/**
 * The periodic compliance reports the rules name (LC-3.4 monthly; NA-12.3 half-yearly and yearly):
 * per unit, from the closed period's snapshot (or, for a period still running, provisional figures),
 * with the rates of the periods before it.
 */
@Injectable()
export class ComplianceReports {
  constructor(
    private readonly evaluation: ComplianceEvaluation,
    private readonly periods: PeriodClose,
    private readonly facts: ComplianceFacts,
    private readonly tenants: TenantRepository,
  ) {}

  /** LC-3.4: every unit's emulation score and rank over the period of `kind` holding `date`. */
  async emulation(
    tenantId: string,
    kind: Period | undefined,
    date: string,
  ): Promise<{
    period: { kind: string; start: string; end: string; label: string };
    provisional: boolean;
    ruleVersions: number[];
    maxScore: number;
    scores: EmulationScore[];
  }> {
    const inForce = await this.evaluation.rulesOn(tenantId, date);
    const emulation = inForce?.rules.emulation;
    if (!inForce || !emulation)
      throw new DomainError('COMPLIANCE_NO_EMULATION', 'not_found', 'Quy định của tỉnh không có chấm điểm thi đua.');
    const period = (kind ?? emulation.periods[0]) as Period;
    if (!emulation.periods.includes(period)) {
      throw new DomainError('COMPLIANCE_EMULATION_PERIOD', 'validation', 'Kỳ chấm điểm không đúng quy định.', [
        { field: 'period', message: `Thi đua được chấm theo kỳ: ${emulation.periods.join(', ')}.` },
      ]);
    }
    const range = new ProvinceCalendar(inForce.rules.timezone, inForce.rules.calendar).periodOf(period, date);
    const today = todayIn(inForce.rules.timezone);
    if (range.start > today)
      throw new DomainError('COMPLIANCE_REPORT_FUTURE', 'validation', 'Kỳ chấm điểm chưa bắt đầu.', [
        { field: 'date', message: `Kỳ bắt đầu ngày ${dmy(range.start)}, sau hôm nay (${dmy(today)}).` },
      ]);
    const { results, provisional } = await this.resultsOf(tenantId, period, range, today);
    return {
      period: { kind: period, ...range, label: periodLabel(period, range) },
      provisional,
      ruleVersions: results.ruleVersions,
      maxScore: emulation.maxScore,
      scores: emulationScores(results, emulation),
    };
  }

  async build(tenantId: string, reportId: string, kind: Period | undefined, date: string, now: Date = new Date()): Promise<ReportDocument> {
    const tenant = (await this.tenants.findById(tenantId))!;
    // The rules in force on `date`, or, before the province's first rules, those first rules: a
    // first, partial period is reported over the part of it in which rules were in force.
    const probe = (await this.evaluation.rulesOn(tenantId, date)) ?? (await this.evaluation.rulesForPeriod(tenantId, 'year', date));
    if (!probe) throw noRules();
    const report = probe.rules.reports.find((r) => r.id === reportId);
    if (!report)
      throw new DomainError(
        'COMPLIANCE_REPORT_NOT_FOUND',
        'not_found',
        `Quy định của tỉnh không có báo cáo "${reportId}" (có: ${probe.rules.reports.map((r) => r.id).join(', ') || 'không có'}).`,
      );
    const period = (kind ?? report.periods[0]) as Period;
    if (!report.periods.includes(period)) {
      throw new DomainError('COMPLIANCE_REPORT_PERIOD', 'validation', 'Kỳ báo cáo không đúng quy định.', [
        { field: 'period', message: `Báo cáo ${report.id} được lập theo kỳ: ${report.periods.join(', ')}.` },
      ]);
    }
    const inForce = await this.evaluation.rulesForPeriod(tenantId, period, date);
    if (!inForce) throw noRules();
    const { rules, range } = inForce;
    const calendar = new ProvinceCalendar(rules.timezone, rules.calendar);
    const today = todayIn(rules.timezone, now);
    if (range.start > today)
      throw new DomainError('COMPLIANCE_REPORT_FUTURE', 'validation', 'Kỳ báo cáo chưa bắt đầu.', [
        { field: 'date', message: `Kỳ bắt đầu ngày ${dmy(range.start)}, sau hôm nay (${dmy(today)}).` },
      ]);
    const current = await this.resultsOf(tenantId, period, range, today);
    const previous: PeriodResults[] = [];
    const previousLabels: string[] = [];
    let before = range;
    for (let i = 0; i < TREND_PERIODS; i++) {
      before = calendar.periodOf(period, addDays(before.start, -1));
      if (!(await this.evaluation.rulesForPeriod(tenantId, period, before.start))) break;
      const results = await this.resultsOf(tenantId, period, before, today);
      previous.unshift(results.results);
      previousLabels.unshift(periodLabel(period, before));
    }
    const covers = report.covers ? (rule: string) => report.covers!.includes(rule) : () => true;
    const typeOfRule = new Map(rules.deadlines.map((d) => [d.id, d.contentType]));
    const typeOf = (d: { rule: string; contentType?: string }) => d.contentType ?? typeOfRule.get(d.rule) ?? d.rule;
    const lines = reportRows(current.results, previous, await this.facts.unitNames(tenantId), covers, typeOf);
    // NA-11: each unit's rate read against the thresholds the province wrote.
    const assessment = report.assessment
      ? { commendFrom: report.assessment.commendFrom, remindBelow: report.assessment.remindBelow }
      : null;
    const rows = assessment ? lines.rows.map((r) => ({ ...r, assessment: assessmentOf(r.rate, assessment) })) : lines.rows;
    const totals = lines.totals;
    const deadlineTypes = [
      ...new Set([...rules.deadlines.filter((d) => covers(d.id)).map((d) => d.contentType), ...Object.keys(totals.deadlines)]),
    ];
    const judgedEnd = current.asOf ? addDays(current.asOf, 1) : range.end;
    return {
      title: `${report.name} (${report.requirement})`,
      province: tenant.name,
      legalBasis: { requirement: report.requirement, document: rules.legalBasis.document },
      period: { kind: period, ...range, label: periodLabel(period, range) },
      judged: {
        start: inForce.judgedFrom,
        end: judgedEnd > inForce.judgedFrom ? judgedEnd : inForce.judgedFrom,
        partial: inForce.judgedFrom > range.start,
      },
      previousPeriods: previousLabels,
      provisional: current.provisional,
      asOf: current.asOf,
      ruleVersions: current.results.ruleVersions,
      deadlineKinds: deadlineTypes.map((contentType) => ({ contentType, label: deadlineItemLabel(contentType) })),
      recipients: report.recipients,
      assessment,
      issuedOn: today,
      dueOn: report.dueWithinDays === undefined ? null : addDays(range.end, report.dueWithinDays - 1),
      rows,
      totals,
    };
  }

  /**
   * A period's results: its snapshot once closed, else computed now and provisional while it runs.
   * Provisional figures judge only what has happened: the days up to yesterday (`asOf`) and the
   * quota periods ended by then.
   */
  async resultsOf(
    tenantId: string,
    kind: Period,
    range: DateRange,
    today: string,
  ): Promise<{ results: PeriodResults; provisional: boolean; asOf: string | null }> {
    if (range.end <= today) {
      const { snapshot } = await this.periods.close(tenantId, kind, range.start, 'report');
      return { results: snapshot.results, provisional: false, asOf: null };
    }
    const asOf = addDays(today, -1);
    return {
      results: (await this.evaluation.resultsFor(tenantId, range, asOf, { endedQuotaPeriodsOnly: true }))!,
      provisional: true,
      asOf,
    };
  }
}

const noRules = () => new DomainError('COMPLIANCE_NO_RULES', 'not_found', 'Chưa có quy định nào có hiệu lực trong kỳ này.');
