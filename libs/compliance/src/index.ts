export { type DateRange, type LocalDate, ProvinceCalendar } from './lib/calendar/province-calendar';
export { type DeadlineResult, type DeadlineStatus, evaluateDeadline } from './lib/evaluators/deadline.evaluator';
export { appliesTo, type DeadlineFact, type PublicationFact, type UnitFact } from './lib/evaluators/facts';
export { evaluateQuota, type QuotaResult } from './lib/evaluators/quota.evaluator';
export { evaluateSchedule, type ScheduleDay, type ScheduleResult } from './lib/evaluators/schedule.evaluator';
export { ComplianceModule } from './lib/compliance.module';
export { ClosePeriods, PeriodClose } from './lib/periods/period-close';
export { ComplianceReminders, SendReminders } from './lib/reminders/compliance-reminders';
export { ComplianceReports } from './lib/reports/compliance-reports';
export { PeriodSnapshot } from './lib/periods/period-snapshot.entity';
export { ComplianceEvaluation, type PeriodResults, type UnitProgress } from './lib/progress/compliance-evaluation';
export { RoyaltyEntitlement } from './lib/royalties/royalty-entitlement.entity';
export { VolumeStatement } from './lib/volumes/volume-statement.entity';
export { type RoyaltyAmount, type RoyaltyChoice, royaltyFor } from './lib/royalties/royalty-rate';

import { PeriodSnapshot } from './lib/periods/period-snapshot.entity';
import { RoyaltyEntitlement } from './lib/royalties/royalty-entitlement.entity';
import { VolumeStatement } from './lib/volumes/volume-statement.entity';
export const COMPLIANCE_ENTITIES = [RoyaltyEntitlement, PeriodSnapshot, VolumeStatement];
