import { PeriodResults } from '../progress/compliance-evaluation';

/** What a unit (or the province) did against its obligations over a period. */
interface Tally {
  /** Quota periods met / judged. */
  quotaPeriodsMet: number;
  quotaPeriods: number;
  /** Schedule days required / missed. */
  requiredDays: number;
  missedDays: number;
  /** Legal documents (or other deadline items) on time / late or missing. */
  onTime: number;
  lateOrMissing: number;
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
}

/** Which rules a report covers: all when the report names none. */
export type Covers = (rule: string) => boolean;

const empty = (): Tally => ({ quotaPeriodsMet: 0, quotaPeriods: 0, requiredDays: 0, missedDays: 0, onTime: 0, lateOrMissing: 0 });

/** A rate from a tally: every quota period, required day and due document is one obligation. */
export function rateOf(t: Tally): number | null {
  const judged = t.quotaPeriods + t.requiredDays + t.onTime + t.lateOrMissing;
  if (judged === 0) return null;
  const met = t.quotaPeriodsMet + (t.requiredDays - t.missedDays) + t.onTime;
  return Math.round((1000 * met) / judged) / 10;
}

function tally(results: PeriodResults, covers: Covers): Map<string, Tally> {
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
    if (d.status === 'on_time') t.onTime++;
    else if (d.status === 'late' || d.status === 'missing') t.lateOrMissing++;
  }
  return byUnit;
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
): { rows: ReportRow[]; totals: ReportTotals } {
  const now = tally(current, covers);
  const before = previous.map((p) => tally(p, covers));
  const units = [...new Set([...now.keys(), ...before.flatMap((b) => [...b.keys()])])].sort();
  const rows = units.map((unit) => {
    const t = now.get(unit) ?? empty();
    return { unit, unitName: unitNames.get(unit) ?? unit, ...t, rate: rateOf(t), previousRates: before.map((b) => (b.has(unit) ? rateOf(b.get(unit)!) : null)) };
  });
  const sum = (tallies: Iterable<Tally>) => [...tallies].reduce((a, t) => ({
    quotaPeriodsMet: a.quotaPeriodsMet + t.quotaPeriodsMet, quotaPeriods: a.quotaPeriods + t.quotaPeriods, requiredDays: a.requiredDays + t.requiredDays,
    missedDays: a.missedDays + t.missedDays, onTime: a.onTime + t.onTime, lateOrMissing: a.lateOrMissing + t.lateOrMissing,
  }), empty());
  const total = sum(now.values());
  return { rows, totals: { ...total, rate: rateOf(total), previousRates: before.map((b) => rateOf(sum(b.values()))) } };
}
