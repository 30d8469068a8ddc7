import { Quota } from '@cong/rules';
import { DateRange, ProvinceCalendar } from '../calendar/province-calendar';
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
export function evaluateQuota(rule: Quota, period: DateRange, units: UnitFact[], facts: PublicationFact[], calendar: ProvinceCalendar): QuotaResult[] {
  return units
    .filter((u) => appliesTo(rule, u))
    .map((unit) => {
      const counted = facts.filter((f) => {
        if (f.unit !== unit.code || !rule.contentTypes.includes(f.type) || !rule.channels.includes(f.channel)) return false;
        const day = calendar.dateOf(f.publishedAt);
        return day >= period.start && day < period.end;
      });
      return {
        rule: rule.id, requirement: rule.requirement, unit: unit.code, period, required: rule.min, counted: counted.length,
        met: counted.length >= rule.min, evidence: counted.map((f) => f.itemId),
      };
    });
}
