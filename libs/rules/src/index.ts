import 'reflect-metadata';
import { RuleVersion } from './lib/versions/rule-version.entity';

export * from './lib/schema/vocabulary';
export {
  defaultActionLabel,
  EDIT_LIVE_ACTION,
  EDIT_LIVE_LABEL,
  RESCHEDULE_ACTION,
  RESCHEDULE_LABEL,
  SECOND_REVIEW_ACTION,
  SECOND_REVIEW_LABEL,
} from './lib/schema/action-labels';
export { liveEditorsOf } from './lib/schema/workflow.schema';
export { OneOf, WEEKDAYS, type Weekday } from './lib/schema/one-of.validator';
export * from './lib/schema/all-classes';
export { AA_TEXT_CONTRAST, contrastRatio } from './lib/schema/colour-contrast';
export { DAY_KINDS } from './lib/schema/obligations.schema';
export { ruleFileJsonSchemas } from './lib/json-schema/rule-file.json-schema';
export { formatProblem, type RuleProblem } from './lib/loading/rule-problem';
export { MAX_RULE_FILE_BYTES, type Parsed } from './lib/loading/yaml-file.parser';
export {
  type DefinitionResult,
  loadTenantFolder,
  parseRuleSet,
  parseTenantDefinition,
  parseUnitTree,
  RULE_FILE,
  type TenantDefinition,
  type TenantSources,
  UNITS_FILE,
} from './lib/loading/tenant-folder.loader';
export { addDays, CALENDAR_DATE, CalendarDay, isCalendarDate, todayIn } from './lib/versions/calendar-dates';
export { dmy, money } from './lib/versions/official-writing';
export { canonicalDocument, checksumOf, ruleSetFromDocument } from './lib/versions/canonical-document';
export { diffRuleDocuments, formatRuleChange, type RuleChange } from './lib/versions/rule-set.diff';
export { RuleVersion } from './lib/versions/rule-version.entity';
export { appendVersion, latestIn, type NewRuleVersion, RuleVersionRepository } from './lib/versions/rule-version.repository';

export const RULES_ENTITIES = [RuleVersion];
export { RulesModule } from './lib/rules.module';
export { type DateRange, type LocalDate, ProvinceCalendar } from './lib/calendar/province-calendar';
export { CONTACT_RETENTION_LIMITS } from './lib/schema/citizens.schema';
export { UNIT_REQUEST_KINDS, type UnitRequestKind } from './lib/schema/unit-requests.schema';
