import { Command, InvalidArgumentError } from 'commander';
import { AppConfig } from '@cong/platform-config';
import { describePlan } from '@cong/onboarding';
import {
  diffRuleDocuments,
  formatProblem,
  formatRuleChange,
  isCalendarDate,
  loadTenantFolder,
  ruleFileJsonSchemas,
  TenantDefinition,
  todayIn,
} from '@cong/rules';
import { existsSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { CliInvalidInputError, CliUsageError } from '../cli.errors';
import { cliActor, PlatformStore, withPlatformStore } from './platform-store';

/** Loads `dir/tenant.yaml` and `dir/units.yaml`; every problem at once, or the definition. */
async function loadFolderOrFail(dir: string): Promise<TenantDefinition> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliUsageError(`${dir}: no such folder`);
  const result = await loadTenantFolder(dir, relative(process.cwd(), dir) || dir);
  if (!result.ok) throw new CliInvalidInputError(result.problems.map(formatProblem));
  return result.definition;
}

function describeDefinition({ ruleSet: r, units }: TenantDefinition): string {
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

const calendarDate = (value: string): string => {
  if (!isCalendarDate(value)) throw new InvalidArgumentError('must be a date (YYYY-MM-DD)');
  return value;
};
const versionNumber = (value: string): number => {
  if (!/^[1-9][0-9]{0,6}$/.test(value)) throw new InvalidArgumentError('must be a version number (1, 2, …)');
  return Number(value);
};

/** `cong tenants …`: provinces as data, from `tenants/<code>/`. */
export function tenantsCommand(config: () => AppConfig): Command {
  const tenants = new Command('tenants').description('Tỉnh và bộ quy tắc của tỉnh (thư mục tenants/<mã>)');
  const store = <T>(work: (s: PlatformStore) => Promise<T>) => withPlatformStore(config(), work);
  const findTenant = async (s: PlatformStore, code: string) => {
    const tenant = await s.tenants.findByCode(code);
    if (!tenant) throw new CliUsageError(`no province with code "${code}" (see: cong tenants list)`);
    return tenant;
  };

  tenants
    .command('validate')
    .argument('<dir>', 'thư mục của tỉnh, ví dụ tenants/lao-cai')
    .description('Kiểm tra tenant.yaml và units.yaml; liệt kê mọi lỗi kèm tệp, dòng và đường dẫn')
    .action(async (dir: string) => {
      const definition = await loadFolderOrFail(dir);
      console.log(`${relative(process.cwd(), dir) || dir}: valid — ${describeDefinition(definition)}`);
    });

  tenants
    .command('diff')
    .argument('<dir>', 'thư mục của tỉnh')
    .option('--effective-from <date>', 'ngày hiệu lực của phiên bản mới khi tệp không ghi effectiveFrom', calendarDate)
    .description('Cho biết áp dụng thư mục sẽ thay đổi gì so với những gì đang áp dụng')
    .action(async (dir: string, opts: { effectiveFrom?: string }) => {
      const definition = await loadFolderOrFail(dir);
      const plan = await store((s) => s.onboarding.plan(definition, { actorLabel: cliActor(), effectiveFrom: opts.effectiveFrom }));
      console.log(describePlan(plan).join('\n'));
    });

  tenants
    .command('apply')
    .argument('<dir>', 'thư mục của tỉnh')
    .option('--dry-run', 'chỉ cho biết sẽ thay đổi gì, không ghi')
    .option('--effective-from <date>', 'ngày hiệu lực của phiên bản mới khi tệp không ghi effectiveFrom', calendarDate)
    .option('--note <text>', 'ghi chú lưu cùng phiên bản (ví dụ: số văn bản sửa đổi)')
    .description('Tạo hoặc cập nhật tỉnh, tên miền, cây đơn vị và phiên bản quy tắc; áp dụng lại không thay đổi gì')
    .action(async (dir: string, opts: { dryRun?: boolean; effectiveFrom?: string; note?: string }) => {
      const definition = await loadFolderOrFail(dir);
      if (opts.note !== undefined && opts.note.length > 1000) throw new CliUsageError('--note is longer than 1000 characters');
      const options = { actorLabel: cliActor(), effectiveFrom: opts.effectiveFrom, note: opts.note };
      if (opts.dryRun) {
        const plan = await store((s) => s.onboarding.plan(definition, options));
        console.log([...describePlan(plan), '(dry run: nothing was written)'].join('\n'));
        return;
      }
      const result = await withPlatformStore(config(), (s) => s.onboarding.apply(definition, options), { dropsPublicAnswers: true });
      console.log(
        [
          ...describePlan(result.plan),
          result.changed ? `Applied ${result.plan.code}.` : `${result.plan.code} is up to date; nothing changed.`,
        ].join('\n'),
      );
    });

  tenants
    .command('list')
    .description('Liệt kê các tỉnh, tên miền và phiên bản quy tắc đang có hiệu lực hôm nay')
    .action(async () => {
      const lines = await store(async (s) => {
        const all = await s.tenants.listAll();
        return Promise.all(
          all.map(async (t) => {
            const [domains, version, units] = await Promise.all([
              s.tenants.findDomainsOf(t.id),
              s.versions.inForceOn(t.id, todayIn(t.timezone)),
              s.units.listOf(t.id),
            ]);
            const rules = version ? `rules v${version.version} (from ${version.effectiveFrom})` : 'no rules in force';
            return `${t.code}\t${t.name}\t${t.status}\t${domains.map((d) => d.domain).join(', ') || '-'}\t${rules}\t${units.length} units`;
          }),
        );
      });
      console.log(lines.length ? lines.join('\n') : 'No provinces yet. Onboard one: cong tenants apply tenants/<code>');
    });

  tenants
    .command('versions')
    .argument('<code>', 'mã tỉnh, ví dụ lao-cai')
    .description('Lịch sử các phiên bản quy tắc của tỉnh, mới nhất trước')
    .action(async (code: string) => {
      const lines = await store(async (s) => {
        const tenant = await findTenant(s, code);
        const history = await s.versions.history(tenant.id);
        return history.map(
          (v) =>
            `v${v.version}\tfrom ${v.effectiveFrom}\tapplied ${v.appliedAt.toISOString()} by ${v.appliedBy}${v.note ? `\t${v.note}` : ''}`,
        );
      });
      console.log(lines.length ? lines.join('\n') : `${code} has no rule versions yet.`);
    });

  tenants
    .command('compare')
    .argument('<code>', 'mã tỉnh')
    .argument('<from>', 'phiên bản cũ', versionNumber)
    .argument('<to>', 'phiên bản mới', versionNumber)
    .description('So sánh hai phiên bản quy tắc đã lưu')
    .action(async (code: string, from: number, to: number) => {
      const lines = await store(async (s) => {
        const tenant = await findTenant(s, code);
        const [a, b] = await Promise.all([s.versions.find(tenant.id, from), s.versions.find(tenant.id, to)]);
        if (!a || !b) throw new CliUsageError(`${code} has no version ${!a ? from : to}`);
        return diffRuleDocuments(a.document, b.document).map(formatRuleChange);
      });
      console.log(lines.length ? lines.join('\n') : `v${from} and v${to} hold the same rules.`);
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
