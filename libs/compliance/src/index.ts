export { type DateRange, type LocalDate, ProvinceCalendar } from './lib/calendar/province-calendar';
export { type DeadlineResult, type DeadlineStatus, evaluateDeadline } from './lib/evaluators/deadline.evaluator';
export { appliesTo, type DeadlineFact, type PublicationFact, type UnitFact } from './lib/evaluators/facts';
export { evaluateQuota, type QuotaResult } from './lib/evaluators/quota.evaluator';
export { evaluateSchedule, type ScheduleDay, type ScheduleResult } from './lib/evaluators/schedule.evaluator';
