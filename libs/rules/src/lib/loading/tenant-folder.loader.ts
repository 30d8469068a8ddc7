import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { RuleSet } from '../schema/rule-set.schema';
import { UnitEntry, UnitTree } from '../schema/unit-tree.schema';
import { LocatedMessage } from './check-helpers';
import { crossCheck } from './cross-checks';
import { RuleProblem } from './rule-problem';
import { checkUnitTree } from './unit-tree-checks';
import { MAX_RULE_FILE_BYTES, Parsed, parseYamlAs } from './yaml-file.parser';

export const RULE_FILE = 'tenant.yaml';
export const UNITS_FILE = 'units.yaml';

/** A province as its folder describes it: rules and unit tree, validated together. */
export interface TenantDefinition {
  ruleSet: RuleSet;
  units: UnitEntry[];
  /** The files as written, kept with each stored version so what was applied can be read back. */
  sources: TenantSources;
}

export interface TenantSources {
  rules: string;
  units: string;
}

export type DefinitionResult = { ok: true; definition: TenantDefinition } | { ok: false; problems: RuleProblem[] };

export function parseRuleSet(text: string, file: string): Parsed<RuleSet> {
  return parseYamlAs(RuleSet, text, file, crossCheck, 'code: …, name: …, …');
}

export function parseUnitTree(text: string, file: string): Parsed<UnitTree> {
  return parseYamlAs(UnitTree, text, file, checkUnitTree, 'units: [ … ]');
}

/**
 * Validates a province's two files together. `names` are how the files are shown in messages
 * (`tenants/lao-cai/tenant.yaml`); `folderCode`, when given, must equal the rule set's code.
 */
export function parseTenantDefinition(
  sources: TenantSources,
  names: { rules: string; units: string } = { rules: RULE_FILE, units: UNITS_FILE },
  folderCode?: string,
): DefinitionResult {
  const rules = parseRuleSet(sources.rules, names.rules);
  const tree = parseUnitTree(sources.units, names.units);
  if (!rules.ok || !tree.ok) {
    return { ok: false, problems: [...(rules.ok ? [] : rules.problems), ...(tree.ok ? [] : tree.problems)] };
  }
  const ruleSet = rules.value;
  const units = tree.value.units;
  const problems = [...rules.locate(checkRulesAgainstUnits(ruleSet, units, folderCode)), ...tree.locate(checkUnitsAgainstRules(units, ruleSet))];
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, definition: { ruleSet, units, sources } };
}

/** Reads `dir/tenant.yaml` and `dir/units.yaml`; `shownDir` is how the folder is named in messages. */
export async function loadTenantFolder(dir: string, shownDir = dir): Promise<DefinitionResult> {
  const names = { rules: join(shownDir, RULE_FILE), units: join(shownDir, UNITS_FILE) };
  const read = async (file: string, shown: string): Promise<string | RuleProblem> => {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return { file: shown, line: 1, path: '', message: 'file is missing' };
    if (info.size > MAX_RULE_FILE_BYTES) return { file: shown, line: 1, path: '', message: `file is larger than ${MAX_RULE_FILE_BYTES} bytes` };
    const bytes = await readFile(file);
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    if (text.includes('\uFFFD')) return { file: shown, line: 1, path: '', message: 'file is not UTF-8 text' };
    return text;
  };
  const rules = await read(join(dir, RULE_FILE), names.rules);
  const units = await read(join(dir, UNITS_FILE), names.units);
  if (typeof rules !== 'string' || typeof units !== 'string') {
    return { ok: false, problems: [rules, units].filter((r): r is RuleProblem => typeof r !== 'string') };
  }
  return parseTenantDefinition({ rules, units }, names, basename(dir));
}

function checkRulesAgainstUnits(ruleSet: RuleSet, units: UnitEntry[], folderCode?: string): LocatedMessage[] {
  const problems: LocatedMessage[] = [];
  if (folderCode && ruleSet.code !== folderCode) {
    problems.push({ path: ['code'], message: `"${ruleSet.code}" differs from the folder name "${folderCode}"` });
  }
  const codes = new Set(units.map((u) => u.code));
  const sections = [['quotas', ruleSet.quotas], ['schedules', ruleSet.schedules], ['deadlines', ruleSet.deadlines]] as const;
  for (const [section, list] of sections) {
    list.forEach((rule, i) =>
      rule.appliesTo?.units?.forEach((code, j) => {
        if (!codes.has(code)) problems.push({ path: [section, i, 'appliesTo', 'units', j], message: `"${code}" is not a unit in ${UNITS_FILE}` });
      }),
    );
  }
  problems.push(...checkSubsiteDomains(ruleSet, units));
  return problems;
}

/** A sub-site domain names a unit that has a sub-site, once, on a host the portal does not use. */
function checkSubsiteDomains(ruleSet: RuleSet, units: UnitEntry[]): LocatedMessage[] {
  const problems: LocatedMessage[] = [];
  const withSubsite = new Set(ruleSet.unitKinds.filter((k) => k.subsite).map((k) => k.kind));
  const seenUnits = new Set<string>();
  const seenDomains = new Set(ruleSet.portal.domains);
  (ruleSet.portal.subsiteDomains ?? []).forEach(({ unit, domain }, i) => {
    const at = (field: string) => ['portal', 'subsiteDomains', i, field];
    const entry = units.find((u) => u.code === unit);
    if (!entry) problems.push({ path: at('unit'), message: `"${unit}" is not a unit in ${UNITS_FILE}` });
    else if (!withSubsite.has(entry.kind)) problems.push({ path: at('unit'), message: `"${unit}" has no sub-site (its kind "${entry.kind}" has none)` });
    else if (seenUnits.has(unit)) problems.push({ path: at('unit'), message: `"${unit}" is given a domain twice` });
    if (seenDomains.has(domain)) problems.push({ path: at('domain'), message: `"${domain}" is already a domain of this province` });
    seenUnits.add(unit);
    seenDomains.add(domain);
  });
  ruleSet.reports.forEach((report, i) => {
    (report.deliverTo?.units ?? []).forEach((unit, j) => {
      if (!units.some((u) => u.code === unit)) problems.push({ path: ['reports', i, 'deliverTo', 'units', j], message: `"${unit}" is not a unit in ${UNITS_FILE}` });
    });
  });
  return problems;
}

function checkUnitsAgainstRules(units: UnitEntry[], ruleSet: RuleSet): LocatedMessage[] {
  const kinds = new Set(ruleSet.unitKinds.map((k) => k.kind));
  return units.flatMap((u, i) =>
    kinds.has(u.kind) ? [] : [{ path: ['units', i, 'kind'], message: `unit kind "${u.kind}" is not declared in ${RULE_FILE} unitKinds` }],
  );
}
