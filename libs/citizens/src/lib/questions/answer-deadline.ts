import { Deadline, ProvinceCalendar, QUESTION_CLOCK, RuleSet } from '@cong/rules';

/** The answer deadline a question falls under: the province's faq deadline from `receivedOn` that binds its unit. */
export function answerDeadline(rules: RuleSet, unit: { code: string; kind: string } | null): Deadline | undefined {
  return rules.deadlines.find(
    (d) =>
      d.contentType === 'faq' &&
      d.startsFrom === QUESTION_CLOCK &&
      (!d.appliesTo || (unit !== null && (d.appliesTo.unitKinds.includes(unit.kind) || d.appliesTo.units.includes(unit.code)))),
  );
}

/** The last day to answer on time, in the province's calendar (working days skip its weekends and holidays); null without a deadline. */
export function answerDue(
  rules: RuleSet | null,
  unit: { code: string; kind: string } | null,
  receivedOn: string,
  timezone: string,
): string | null {
  const deadline = rules ? answerDeadline(rules, unit) : undefined;
  if (!rules || !deadline) return null;
  return new ProvinceCalendar(timezone, rules.calendar).addDays(receivedOn, deadline.within, deadline.dayKind as 'calendar' | 'working');
}
