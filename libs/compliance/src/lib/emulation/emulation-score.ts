import { Emulation } from '@cong/rules';
import { PeriodResults } from '../progress/compliance-evaluation';
import { rateOf } from '../reports/report-rows';

export interface EmulationScore {
  unit: string;
  /** 0…maxScore, one decimal; null when none of the weighted rules judged the unit. */
  score: number | null;
  /** 1 for the best; units with the same score share a rank. */
  rank: number | null;
  /** Each weighted rule's rate for the unit (percent), as it entered the score. */
  parts: { rule: string; weight: number; rate: number }[];
}

/**
 * LC-3.4: a unit's emulation score over a period — the weighted mean of its rates on the weighted
 * rules that judged it, scaled to `maxScore` — and the province's ranking. A rule that does not
 * bind a unit (press units have no Mon/Wed/Fri duty) leaves the unit's score to the others.
 */
export function emulationScores(results: PeriodResults, emulation: Emulation): EmulationScore[] {
  const perRule = new Map<string, Map<string, { met: number; judged: number }>>();
  const add = (rule: string, unit: string, met: number, judged: number) => {
    const units = perRule.get(rule) ?? perRule.set(rule, new Map()).get(rule)!;
    const t = units.get(unit) ?? { met: 0, judged: 0 };
    units.set(unit, { met: t.met + met, judged: t.judged + judged });
  };
  for (const q of results.quotas) add(q.rule, q.unit, q.met ? 1 : 0, 1);
  for (const s of results.schedules) add(s.rule, s.unit, s.requiredDays.length - s.missedDays.length, s.requiredDays.length);
  for (const d of results.deadlines)
    if (d.status === 'on_time' || d.status === 'late' || d.status === 'missing') add(d.rule, d.unit, d.status === 'on_time' ? 1 : 0, 1);

  const units = new Set([...perRule.values()].flatMap((m) => [...m.keys()]));
  const scores = [...units].sort().map((unit) => {
    const parts = emulation.weights.flatMap((w) => {
      const t = perRule.get(w.rule)?.get(unit);
      if (!t || t.judged === 0) return [];
      return [
        {
          rule: w.rule,
          weight: w.weight,
          rate: rateOf({ quotaPeriodsMet: t.met, quotaPeriods: t.judged, requiredDays: 0, missedDays: 0, onTime: 0, lateOrMissing: 0 })!,
        },
      ];
    });
    const weight = parts.reduce((n, p) => n + p.weight, 0);
    const score =
      weight > 0 ? Math.round((10 * emulation.maxScore * parts.reduce((n, p) => n + p.weight * p.rate, 0)) / weight / 100) / 10 : null;
    return { unit, score, rank: null as number | null, parts };
  });
  const ranked = scores.filter((s) => s.score !== null).sort((a, b) => b.score! - a.score!);
  ranked.forEach((s, i) => (s.rank = i > 0 && ranked[i - 1].score === s.score ? ranked[i - 1].rank : i + 1));
  return scores.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.unit.localeCompare(b.unit));
}
