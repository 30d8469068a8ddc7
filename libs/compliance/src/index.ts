export { type DateRange, type LocalDate, ProvinceCalendar } from './lib/calendar/province-calendar';
export { type DeadlineResult, type DeadlineStatus, evaluateDeadline } from './lib/evaluators/deadline.evaluator';
export { appliesTo, type DeadlineFact, type PublicationFact, type UnitFact } from './lib/evaluators/facts';
export { evaluateQuota, type QuotaResult } from './lib/evaluators/quota.evaluator';
export { evaluateSchedule, type ScheduleDay, type ScheduleResult } from './lib/evaluators/schedule.evaluator';
export { ComplianceModule } from './lib/compliance.module';
export { RoyaltyEntitlement } from './lib/royalties/royalty-entitlement.entity';
export { type RoyaltyAmount, type RoyaltyChoice, royaltyFor } from './lib/royalties/royalty-rate';

import { RoyaltyEntitlement } from './lib/royalties/royalty-entitlement.entity';
export const COMPLIANCE_ENTITIES = [RoyaltyEntitlement];
