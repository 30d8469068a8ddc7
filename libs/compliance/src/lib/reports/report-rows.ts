import { PeriodResults } from '../progress/compliance-evaluation';

/** On time / late or missing, for the items of one content type a deadline governs. */
export interface DeadlineTally {
  onTime: number;
  lateOrMissing: number;
}

/** What a unit (or the province) did against its obligations over a period. */
interface Tally {
  /** Quota periods met / judged. */
  quotaPeriodsMet: number;
  quotaPeriods: number;
  /** Schedule days required / missed. */
  requiredDays: number;
  missedDays: number;
  /** Items a deadline governs (every content type), on time / late or missing. */
  onTime: number;
  lateOrMissing: number;
  /** The same per content type (`legal_document`, `faq`, …): answers to citizens are not documents. */
  deadlines: Record<string, DeadlineTally>;
}

/** The totals line of a report. */
export interface ReportTotals extends Tally {
  /** Obligations met over obligations judged, in percent (one decimal); null when nothing was judged. */
  rate: number | null;
  /** The same for the periods before, oldest first (the trend). */
  previousRates: (number | null)[];
}

/** One unit's line of a compliance report. */
export interface ReportRow extends ReportTotals {
  unit: string;
  unitName: string;
  /** NA-11, when the report assesses units: what its rate means for rewards and discipline. */
  assessment?: Assessment;
}

/** NA-11: a unit's line read against the report's thresholds (the rules' `assessment`). */
export type Assessment = 'commend' | 'complete' | 'remind' | 'not_judged';

export const ASSESSMENT_LABELS: Record<Assessment, string> = {
  commend: 'Đề nghị khen thưởng',
  complete: 'Hoàn thành',
  remind: 'Nhắc nhở, chấn chỉnh',
  not_judged: 'Chưa có số liệu',
};

/** From `commendFrom` up: commendation; below `remindBelow`: a reminder; nothing judged: no assessment. */
export function assessmentOf(rate: number | null, thresholds: { commendFrom: number; remindBelow: number }): Assessment {
  if (rate === null) return 'not_judged';
  if (rate >= thresholds.commendFrom) return 'commend';
  if (rate < thresholds.remindBelow) return 'remind';
  return 'complete';
}

/** Which rules a report covers: all when the report names none. */
export type Covers = (rule: string) => boolean;

/** The content type a deadline result is about (its rule's `contentType`). */
export type DeadlineTypeOf = (result: { rule: string; contentType?: string }) => string;

const empty = (): Tally => ({
  quotaPeriodsMet: 0,
  quotaPeriods: 0,
  requiredDays: 0,
  missedDays: 0,
  onTime: 0,
  lateOrMissing: 0,
  deadlines: {},
});

/** A rate from a tally: every quota period, required day and due document is one obligation. */
export function rateOf(t: Omit<Tally, 'deadlines'>): number | null {
  const judged = t.quotaPeriods + t.requiredDays + t.onTime + t.lateOrMissing;
  if (judged === 0) return null;
  const met = t.quotaPeriodsMet + (t.requiredDays - t.missedDays) + t.onTime;
  return Math.round((1000 * met) / judged) / 10;
}

function tally(results: PeriodResults, covers: Covers, typeOf: DeadlineTypeOf): Map<string, Tally> {
  const byUnit = new Map<string, Tally>();
  const of = (unit: string) => byUnit.get(unit) ?? byUnit.set(unit, empty()).get(unit)!;
  for (const q of results.quotas.filter((r) => covers(r.rule))) {
    const t = of(q.unit);
    t.quotaPeriods++;
    if (q.met) t.quotaPeriodsMet++;
  }
  for (const s of results.schedules.filter((r) => covers(r.rule))) {
    const t = of(s.unit);
    t.requiredDays += s.requiredDays.length;
    t.missedDays += s.missedDays.length;
  }
  for (const d of results.deadlines.filter((r) => covers(r.rule))) {
    const t = of(d.unit);
    const type = typeOf(d);
    const byType = t.deadlines[type] ?? (t.deadlines[type] = { onTime: 0, lateOrMissing: 0 });
    if (d.status === 'on_time') {
      t.onTime++;
      byType.onTime++;
    } else if (d.status === 'late' || d.status === 'missing') {
      t.lateOrMissing++;
      byType.lateOrMissing++;
    }
  }
  return byUnit;
}

function sum(tallies: Iterable<Tally>): Tally {
  const total = empty();
  for (const t of tallies) {
    total.quotaPeriodsMet += t.quotaPeriodsMet;
    total.quotaPeriods += t.quotaPeriods;
    total.requiredDays += t.requiredDays;
    total.missedDays += t.missedDays;
    total.onTime += t.onTime;
    total.lateOrMissing += t.lateOrMissing;
    for (const [type, d] of Object.entries(t.deadlines)) {
      const byType = total.deadlines[type] ?? (total.deadlines[type] = { onTime: 0, lateOrMissing: 0 });
      byType.onTime += d.onTime;
      byType.lateOrMissing += d.lateOrMissing;
    }
  }
  return total;
}

/**
 * A report's lines: per unit, what the period's results say, its rate, and the rates of the
 * periods before (the trend); then the totals. Units with nothing judged in any period are left out.
 */
export function reportRows(
  current: PeriodResults,
  previous: PeriodResults[],
  unitNames: Map<string, string>,
  covers: Covers,
  // Results stored before deadlines carried their content type: counted under their rule's id.
  typeOf: DeadlineTypeOf = (d) => d.contentType ?? d.rule,
): { rows: ReportRow[]; totals: ReportTotals } {
  const now = tally(current, covers, typeOf);
  const before = previous.map((p) => tally(p, covers, typeOf));
  const units = [...new Set([...now.keys(), ...before.flatMap((b) => [...b.keys()])])].sort();
  const rows = units.map((unit) => {
    const t = now.get(unit) ?? empty();
    return {
      unit,
      unitName: unitNames.get(unit) ?? unit,
      ...t,
      rate: rateOf(t),
      previousRates: before.map((b) => (b.has(unit) ? rateOf(b.get(unit)!) : null)),
    };
  });
  const total = sum(now.values());
  return { rows, totals: { ...total, rate: rateOf(total), previousRates: before.map((b) => rateOf(sum(b.values()))) } };
}
