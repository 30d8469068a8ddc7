import 'reflect-metadata';
export * from './lib/schema/vocabulary';
export { OneOf, WEEKDAYS, type Weekday } from './lib/schema/one-of.validator';
export * from './lib/schema/all-classes';
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
