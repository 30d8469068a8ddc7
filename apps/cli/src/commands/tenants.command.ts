import { Command } from 'commander';
import { formatProblem, loadTenantFolder, ruleFileJsonSchemas, TenantDefinition } from '@cong/rules';
import { existsSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { CliInvalidInputError, CliUsageError } from '../cli.errors';

function requireFolder(dir: string): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliUsageError(`${dir}: no such folder`);
}

/** Loads `dir/tenant.yaml` and `dir/units.yaml`; every problem at once, or the definition. */
export async function loadFolderOrFail(dir: string): Promise<TenantDefinition> {
  requireFolder(dir);
  const shown = relative(process.cwd(), dir) || dir;
  const result = await loadTenantFolder(dir, shown);
  if (!result.ok) throw new CliInvalidInputError(result.problems.map(formatProblem));
  return result.definition;
}

export function describeDefinition({ ruleSet: r, units }: TenantDefinition): string {
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  return [
    `${r.code} (${r.name})`,
    count(units.length, 'unit'),
    count(r.quotas.length, 'quota'),
    count(r.schedules.length, 'schedule'),
    count(r.deadlines.length, 'deadline'),
    count(r.workflows.length, 'workflow'),
    count(r.reports.length, 'report'),
  ].join(', ');
}

/** `cong tenants …`: provinces as data, from `tenants/<code>/`. */
export function tenantsCommand(): Command {
  const tenants = new Command('tenants').description('Tỉnh và bộ quy tắc của tỉnh (thư mục tenants/<mã>)');

  tenants
    .command('validate')
    .argument('<dir>', 'thư mục của tỉnh, ví dụ tenants/lao-cai')
    .description('Kiểm tra tenant.yaml và units.yaml; liệt kê mọi lỗi kèm tệp, dòng và đường dẫn')
    .action(async (dir: string) => {
      const definition = await loadFolderOrFail(dir);
      console.log(`${relative(process.cwd(), dir) || dir}: valid — ${describeDefinition(definition)}`);
    });

  tenants
    .command('schema')
    .argument('<dir>', 'thư mục ghi schema.json và units.schema.json, thường là tenants')
    .description('Ghi JSON Schema của tệp quy tắc để trình soạn thảo gợi ý và kiểm tra')
    .action(async (dir: string) => {
      const schemas = ruleFileJsonSchemas();
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'schema.json'), `${JSON.stringify(schemas.tenant, null, 2)}\n`);
      await writeFile(join(dir, 'units.schema.json'), `${JSON.stringify(schemas.units, null, 2)}\n`);
      console.log(`Wrote ${join(dir, 'schema.json')} and ${join(dir, 'units.schema.json')}.`);
    });

  return tenants;
}
