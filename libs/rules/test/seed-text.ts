import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRuleSet } from '../src/lib/loading/tenant-folder.loader';
import { formatProblem } from '../src/lib/loading/rule-problem';

/** A seed province's tenant.yaml, as text. */
export const seedRuleText = (code: 'lao-cai' | 'nghe-an') => readFileSync(join(__dirname, `../../../tenants/${code}/tenant.yaml`), 'utf8');

/** The text with one line of it replaced; fails loudly if the seed no longer has that line. */
export function replaceLine(text: string, line: string, replacement: string): string {
  if (!text.includes(line)) throw new Error(`the seed no longer has the line this test edits: ${line.trim()}`);
  return text.replace(line, replacement);
}

/** The problems parsing finds, each as `path: message` (the file and line left out). */
export function ruleProblems(text: string): string[] {
  const result = parseRuleSet(text, 'tenant.yaml');
  return result.ok ? [] : result.problems.map((p) => formatProblem(p).replace(/^tenant\.yaml:\d+ /, ''));
}
