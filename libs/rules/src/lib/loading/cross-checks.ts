import { isIanaTimezone } from '@cong/tenancy';
import { RuleSet } from '../schema/rule-set.schema';
import { PathSegment } from './rule-problem';

export interface LocatedMessage {
  path: PathSegment[];
  message: string;
}

/** Checks no single field can make: references between rules, uniqueness, real time zones. */
export function crossCheck(rules: RuleSet): LocatedMessage[] {
  const problems: LocatedMessage[] = [];
  if (rules.timezone && !isIanaTimezone(rules.timezone)) {
    problems.push({ path: ['timezone'], message: `${JSON.stringify(rules.timezone)} is not an IANA time zone (e.g. Asia/Ho_Chi_Minh)` });
  }
  const declaredKinds = new Set((rules.unitKinds ?? []).map((k) => k.kind));
  (rules.unitKinds ?? []).forEach((k, i) => {
    if ((rules.unitKinds ?? []).findIndex((o) => o.kind === k.kind) !== i) {
      problems.push({ path: ['unitKinds', i, 'kind'], message: `unit kind "${k.kind}" is declared twice` });
    }
  });

  const seenIds = new Map<string, string>();
  const checkRule = (section: 'quotas' | 'schedules', i: number, id: string, appliesTo?: { unitKinds?: string[]; units?: string[] }) => {
    const where = seenIds.get(id);
    if (id && where) problems.push({ path: [section, i, 'id'], message: `rule id "${id}" is already used by ${where}` });
    else if (id) seenIds.set(id, `${section}[${i}]`);
    if (appliesTo && !appliesTo.unitKinds?.length && !appliesTo.units?.length) {
      problems.push({ path: [section, i, 'appliesTo'], message: 'names no unit kind and no unit: the rule would apply to nobody' });
    }
    appliesTo?.unitKinds?.forEach((kind, k) => {
      if (declaredKinds.size && !declaredKinds.has(kind)) {
        problems.push({ path: [section, i, 'appliesTo', 'unitKinds', k], message: `unit kind "${kind}" is not declared in unitKinds` });
      }
    });
  };
  (rules.quotas ?? []).forEach((q, i) => checkRule('quotas', i, q.id, q.appliesTo));
  (rules.schedules ?? []).forEach((s, i) => {
    checkRule('schedules', i, s.id, s.appliesTo);
    const hasDays = (s.weekdays ?? []).length > 0;
    if (hasDays === Boolean(s.everyDay)) {
      problems.push({ path: ['schedules', i], message: 'give either weekdays or everyDay: true (exactly one of them)' });
    }
  });

  const dates = new Map<string, number>();
  (rules.calendar?.holidays ?? []).forEach((h, i) => {
    if (dates.has(h.date)) problems.push({ path: ['calendar', 'holidays', i, 'date'], message: `${h.date} is listed twice` });
    dates.set(h.date, i);
  });
  (rules.calendar?.makeUpWorkingDays ?? []).forEach((d, i) => {
    if (dates.has(d.date)) {
      problems.push({ path: ['calendar', 'makeUpWorkingDays', i, 'date'], message: `${d.date} is also listed as a holiday` });
    }
  });
  return problems;
}
