import { DateRange, ProvinceCalendar, Quota } from '@cong/rules';
import { appliesTo, PublicationFact, UnitFact } from './facts';

export interface QuotaResult {
  rule: string;
  requirement: string;
  unit: string;
  period: DateRange;
  required: number;
  counted: number;
  met: boolean;
  /** The items that counted. */
  evidence: string[];
}

/**
 * NA-8.2: per unit, the qualifying items (content type and channel the rule counts) published in the
 * period — dates in the province's time zone — against the minimum.
 */
export function evaluateQuota(
  rule: Quota,
  period: DateRange,
  units: UnitFact[],
  facts: PublicationFact[],
  calendar: ProvinceCalendar,
): QuotaResult[] {
  // One pass over the facts (a year holds hundreds of thousands), grouped by unit.
  const byUnit = new Map<string, string[]>();
  for (const f of facts) {
    if (!rule.contentTypes.includes(f.type) || !rule.channels.includes(f.channel)) continue;
    const day = calendar.dateOf(f.publishedAt);
    if (day < period.start || day >= period.end) continue;
    (byUnit.get(f.unit) ?? byUnit.set(f.unit, []).get(f.unit)!).push(f.itemId);
  }
  return units
    .filter((u) => appliesTo(rule, u))
    .map((unit) => {
      const evidence = byUnit.get(unit.code) ?? [];
      return {
        rule: rule.id,
        requirement: rule.requirement,
        unit: unit.code,
        period,
        required: rule.min,
        counted: evidence.length,
        met: evidence.length >= rule.min,
        evidence,
      };
    });
}
