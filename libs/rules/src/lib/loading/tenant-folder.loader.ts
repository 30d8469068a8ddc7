import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { RuleSet } from '../schema/rule-set.schema';
import { UnitEntry, UnitTree } from '../schema/unit-tree.schema';
import { UNIT_REQUEST_KINDS } from '../schema/unit-requests.schema';
import { isMapping, LocatedMessage } from './check-helpers';
import { crossCheck } from './cross-checks';
import { RuleProblem } from './rule-problem';
import { checkUnitTree } from './unit-tree-checks';
import { MAX_RULE_FILE_BYTES, Parsed, ParsedDocument, parseYamlAs } from './yaml-file.parser';

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
 * Every problem is reported at once: the checks across the two files run even when either file has
 * problems of its own, on the parts of it that are valid.
 */
export function parseTenantDefinition(
  sources: TenantSources,
  names: { rules: string; units: string } = { rules: RULE_FILE, units: UNITS_FILE },
  folderCode?: string,
): DefinitionResult {
  const rules = parseRuleSet(sources.rules, names.rules);
  const tree = parseUnitTree(sources.units, names.units);
  const problems = checkTogether(rules, tree, folderCode, [names.rules, names.units]);
  if (problems.length > 0 || !rules.ok || !tree.ok) return { ok: false, problems };
  return { ok: true, definition: { ruleSet: rules.value, units: tree.value.units, sources } };
}

/** Reads `dir/tenant.yaml` and `dir/units.yaml`; `shownDir` is how the folder is named in messages. */
export async function loadTenantFolder(dir: string, shownDir = dir): Promise<DefinitionResult> {
  const names = { rules: join(shownDir, RULE_FILE), units: join(shownDir, UNITS_FILE) };
  const read = async (file: string, shown: string): Promise<string | RuleProblem> => {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return { file: shown, line: 1, path: '', message: 'Thiếu tệp' };
    if (info.size > MAX_RULE_FILE_BYTES)
      return { file: shown, line: 1, path: '', message: `Tệp không được lớn hơn ${MAX_RULE_FILE_BYTES} byte` };
    const bytes = await readFile(file);
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    if (text.includes('\uFFFD')) return { file: shown, line: 1, path: '', message: 'Tệp phải là văn bản mã hóa UTF-8' };
    return text;
  };
  const rules = await read(join(dir, RULE_FILE), names.rules);
  const units = await read(join(dir, UNITS_FILE), names.units);
  if (typeof rules === 'string' && typeof units === 'string') return parseTenantDefinition({ rules, units }, names, basename(dir));
  // A file that cannot be read does not hide the other's problems, nor those the folder name shows.
  const parsedRules = typeof rules === 'string' ? parseRuleSet(rules, names.rules) : { ok: false as const, problems: [rules] };
  const parsedTree = typeof units === 'string' ? parseUnitTree(units, names.units) : { ok: false as const, problems: [units] };
  return { ok: false, problems: checkTogether(parsedRules, parsedTree, basename(dir), [names.rules, names.units]) };
}

/** Each file's own problems and those across the two, in file order, then by line. */
function checkTogether(rules: Parsed<RuleSet>, tree: Parsed<UnitTree>, folderCode: string | undefined, files: string[]): RuleProblem[] {
  const r = rules.ok ? rules : rules.document;
  const t = tree.ok ? tree : tree.document;
  const problems = [...(rules.ok ? [] : rules.problems), ...(tree.ok ? [] : tree.problems)];
  if (r) problems.push(...r.locate(checkFolderCode(r, folderCode)));
  if (r && t) problems.push(...r.locate(checkRulesAgainstUnits(r, t)), ...t.locate(checkUnitsAgainstRules(t, r)));
  const order = (p: RuleProblem) => (files.indexOf(p.file) + files.length + 1) % (files.length + 1);
  return problems.sort((a, b) => order(a) - order(b) || a.line - b.line || a.path.localeCompare(b.path));
}

function checkFolderCode(rules: ParsedDocument<RuleSet>, folderCode?: string): LocatedMessage[] {
  const code = rules.value.code;
  if (!folderCode || !rules.valid(['code']) || code === folderCode) return [];
  return [{ path: ['code'], message: `\`code\` phải giống tên thư mục "${folderCode}" (đang là "${code}")` }];
}

/** The codes of units.yaml, when every one of them is valid (else a reference could be to the invalid one). */
function unitCodes(tree: ParsedDocument<UnitTree>): Set<string> | undefined {
  return tree.valid(['units', '*', 'code']) ? new Set(tree.value.units.map((u) => u.code)) : undefined;
}

/** The kinds declared in tenant.yaml (and which have a sub-site), when every one of them is valid. */
function declaredKinds(rules: ParsedDocument<RuleSet>): { all: Set<string>; withSubsite: Set<string> } | undefined {
  if (!rules.valid(['unitKinds', '*', 'kind'])) return undefined;
  const kinds = rules.value.unitKinds;
  return { all: new Set(kinds.map((k) => k.kind)), withSubsite: new Set(kinds.filter((k) => k.subsite).map((k) => k.kind)) };
}

function checkRulesAgainstUnits(rules: ParsedDocument<RuleSet>, tree: ParsedDocument<UnitTree>): LocatedMessage[] {
  const codes = unitCodes(tree);
  if (!codes) return [];
  const ruleSet = rules.value;
  const problems: LocatedMessage[] = [];
  const sections = [
    ['quotas', ruleSet.quotas],
    ['schedules', ruleSet.schedules],
    ['deadlines', ruleSet.deadlines],
  ] as const;
  for (const [section, list] of sections) {
    if (!Array.isArray(list)) continue;
    list.forEach((rule, i) => {
      const refs = rule?.appliesTo?.units;
      if (!Array.isArray(refs)) return;
      refs.forEach((code, j) => {
        const at = [section, i, 'appliesTo', 'units', j];
        if (rules.valid(at) && !codes.has(code)) problems.push({ path: at, message: `Đơn vị "${code}" chưa khai báo trong ${UNITS_FILE}` });
      });
    });
  }
  if (Array.isArray(ruleSet.reports)) {
    ruleSet.reports.forEach((report, i) => {
      const refs = report?.deliverTo?.units;
      if (!Array.isArray(refs)) return;
      refs.forEach((unit, j) => {
        const at = ['reports', i, 'deliverTo', 'units', j];
        if (rules.valid(at) && !codes.has(unit)) problems.push({ path: at, message: `Đơn vị "${unit}" chưa khai báo trong ${UNITS_FILE}` });
      });
    });
  }
  for (const kind of UNIT_REQUEST_KINDS) {
    const at = ['unitRequests', kind, 'handledBy'];
    const route = isMapping(ruleSet.unitRequests) ? ruleSet.unitRequests[kind] : undefined;
    const unit = isMapping(route) ? route.handledBy : undefined;
    if (unit !== undefined && rules.valid(at) && !codes.has(unit))
      problems.push({ path: at, message: `Đơn vị "${unit}" chưa khai báo trong ${UNITS_FILE}` });
  }
  problems.push(...checkSubsiteDomains(rules, tree, codes));
  return problems;
}

/** A sub-site domain names a unit that has a sub-site, once, on a host the portal does not use. */
function checkSubsiteDomains(rules: ParsedDocument<RuleSet>, tree: ParsedDocument<UnitTree>, codes: Set<string>): LocatedMessage[] {
  const domains = rules.value.portal?.subsiteDomains;
  if (!Array.isArray(domains) || !rules.valid(['portal', 'domains'])) return [];
  const kinds = declaredKinds(rules);
  const problems: LocatedMessage[] = [];
  const seenUnits = new Set<string>();
  const seenDomains = new Set(rules.value.portal.domains);
  domains.forEach((entry, i) => {
    const at = (field: string) => ['portal', 'subsiteDomains', i, field];
    const { unit, domain } = entry ?? {};
    if (rules.valid(at('unit'))) {
      const index = tree.value.units.findIndex((u) => u.code === unit);
      const kind = tree.value.units[index]?.kind;
      if (!codes.has(unit)) problems.push({ path: at('unit'), message: `Đơn vị "${unit}" chưa khai báo trong ${UNITS_FILE}` });
      else if (kinds && tree.valid(['units', index, 'kind']) && !kinds.withSubsite.has(kind)) {
        problems.push({
          path: at('unit'),
          message: `Đơn vị "${unit}" không có chuyên trang (loại đơn vị "${kind}" không khai báo \`subsite\`)`,
        });
      } else if (seenUnits.has(unit)) problems.push({ path: at('unit'), message: `Đơn vị "${unit}" không được gán tên miền hai lần` });
      seenUnits.add(unit);
    }
    if (rules.valid(at('domain'))) {
      if (seenDomains.has(domain))
        problems.push({ path: at('domain'), message: `Tên miền "${domain}" trùng với một tên miền đã khai báo của tỉnh` });
      seenDomains.add(domain);
    }
  });
  return problems;
}

function checkUnitsAgainstRules(tree: ParsedDocument<UnitTree>, rules: ParsedDocument<RuleSet>): LocatedMessage[] {
  const kinds = declaredKinds(rules);
  const units = tree.value.units;
  if (!kinds || !Array.isArray(units)) return [];
  return units.flatMap((u, i) =>
    !tree.valid(['units', i, 'kind']) || kinds.all.has(u.kind)
      ? []
      : [{ path: ['units', i, 'kind'], message: `Loại đơn vị "${u.kind}" chưa khai báo trong \`unitKinds\` của ${RULE_FILE}` }],
  );
}
