/** Every class of the rule-file schema (the JSON Schema generator reads their defaults). */
export { AccountPolicy, LockoutPolicy, PasswordPolicy, SessionPolicy, TwoFactorPolicy } from './account-policy.schema';
export { Calendar, CalendarDay } from './calendar.schema';
export { CitizenRules, ConsultationRules, QuestionRules } from './citizens.schema';
export { LegalBasis, Portal, PortalPublisher, PortalTheme, SubsiteDomain } from './identity.schema';
export { AppliesTo, Deadline, Quota, Schedule } from './obligations.schema';
export { ChannelShare, Payments, RoyaltyGenre, Royalties, UnitValue, VolumeStatement } from './payments.schema';
export { Emulation, EmulationWeight, Reminders, Report, ReportAssessment, ReportDelivery } from './reporting.schema';
export { RuleSet } from './rule-set.schema';
export { SectionSpec, SubsiteSpec, UnitKindSpec } from './unit-kinds.schema';
export { UnitEntry, UnitTree } from './unit-tree.schema';
export { UnitRequestRoute, UnitRequestRules } from './unit-requests.schema';
export { Transition, Workflow, WorkflowBinding, WorkflowState } from './workflow.schema';
