import { Command } from 'commander';
import { formatProblem, loadRuleFile } from '@cong/rules';
import { existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CliInvalidInputError, CliUsageError } from '../cli.errors';

const RULE_FILE = 'tenant.yaml';

function ruleFileIn(dir: string): string {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliUsageError(`${dir}: no such folder`);
  const file = join(dir, RULE_FILE);
  if (!existsSync(file)) throw new CliUsageError(`${dir}: has no ${RULE_FILE}`);
  return file;
}

/** `cong tenants …`: provinces as data, from `tenants/<code>/`. */
export function tenantsCommand(): Command {
  const tenants = new Command('tenants').description('Tỉnh và bộ quy tắc của tỉnh (thư mục tenants/<mã>)');

  tenants
    .command('validate')
    .argument('<dir>', 'thư mục của tỉnh, ví dụ tenants/lao-cai')
    .description('Kiểm tra tệp quy tắc; liệt kê mọi lỗi kèm tệp, dòng và đường dẫn')
    .action(async (dir: string) => {
      const file = ruleFileIn(dir);
      const shown = relative(process.cwd(), file) || file;
      const result = await loadRuleFile(file, shown);
      if (!result.ok) throw new CliInvalidInputError(result.problems.map(formatProblem));
      const r = result.ruleSet;
      console.log(`${shown}: valid — ${r.code} (${r.name}), ${r.quotas.length} quota(s), ${r.schedules.length} schedule(s)`);
    });

  return tenants;
}
