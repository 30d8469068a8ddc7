import { parseTenantDefinition, TenantDefinition } from '@cong/rules';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

/** A rule file as YAML reads it, to be changed by a spec before it is checked. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a spec edits any field of the YAML tree
export type RuleTree = Record<string, any>;

/**
 * A seed province's rule files with some rules changed (for a new province, its identity too),
 * read and checked as `cong tenants apply` reads them.
 */
export async function ruleVariant(seed: 'lao-cai' | 'nghe-an', edit: (rules: RuleTree) => void): Promise<TenantDefinition> {
  const dir = join(__dirname, '../../../../tenants', seed);
  const rules = parse(await readFile(join(dir, 'tenant.yaml'), 'utf8')) as RuleTree;
  edit(rules);
  const parsed = parseTenantDefinition({ rules: stringify(rules), units: await readFile(join(dir, 'units.yaml'), 'utf8') });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.definition;
}
