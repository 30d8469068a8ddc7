export { loadRuleFile, type LoadResult, MAX_RULE_FILE_BYTES, parseRuleSet } from './lib/loading/rule-file.loader';
export { formatProblem, type RuleProblem } from './lib/loading/rule-problem';
export { OneOf, WEEKDAYS, type Weekday } from './lib/schema/one-of.validator';
export {
  AppliesTo,
  Calendar,
  CHANNELS,
  CONTENT_TYPES,
  Holiday,
  LegalBasis,
  PERIODS,
  Portal,
  Quota,
  REQUIREMENT_ID,
  RuleSet,
  Schedule,
  SubsiteSpec,
  UNIT_KINDS,
  UnitKindSpec,
} from './lib/schema/rule-set.schema';
