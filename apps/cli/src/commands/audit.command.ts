import { Command } from 'commander';
import { AuditChainReport } from '@cong/platform-audit';
import { AppConfig } from '@cong/platform-config';
import { CliCheckFailedError, CliUsageError } from '../cli.errors';
import { cliActor, withPlatformStore } from './platform-store';

/** The report as lines: OK with the count and the head (worth writing down elsewhere), or the first break. */
function describeReport(chain: string, report: AuditChainReport): string[] {
  if (report.ok) {
    const head = report.headHash ? `; head seq ${report.headSeq}, sha256 ${report.headHash}` : '';
    return [`Audit chain of ${chain}: OK, ${report.entries} entr${report.entries === 1 ? 'y' : 'ies'} verified${head}.`];
  }
  const b = report.broken;
  const where = b.entryId ? `entry ${b.entryId} (seq ${b.seq}, ${b.occurredAt?.toISOString()})` : 'the start of the chain';
  return [
    `Audit chain of ${chain}: BROKEN after ${report.entries} good entr${report.entries === 1 ? 'y' : 'ies'}.`,
    `First broken link: ${where} — ${b.kind}: ${b.detail}.`,
  ];
}

/** `cong audit …`: checks on the audit log itself. */
export function auditCommand(config: () => AppConfig): Command {
  const audit = new Command('audit').description('Nhật ký kiểm toán (audit log)');

  audit
    .command('verify')
    .argument('[tenant]', 'mã tỉnh, ví dụ lao-cai')
    .option('--platform', 'chuỗi của các sự kiện cấp nền tảng (không thuộc tỉnh nào)')
    .description('Kiểm tra chuỗi băm của nhật ký kiểm toán: OK kèm số mục, hoặc mắt xích hỏng đầu tiên (thoát 1)')
    .action(async (code: string | undefined, opts: { platform?: boolean }) => {
      if (Boolean(code) === Boolean(opts.platform)) throw new CliUsageError('name one province (cong audit verify lao-cai) or --platform');
      const { chain, report } = await withPlatformStore(config(), async (s) => {
        if (opts.platform) {
          const access = { actorId: null, actorLabel: cliActor(), reason: 'verify the platform audit chain' };
          return { chain: 'the platform', report: await s.db.asOperator(access, (m) => s.auditChain.verify(m, null)) };
        }
        const tenant = await s.tenants.findByCode(code!);
        if (!tenant) throw new CliUsageError(`no province with code "${code}" (see: cong tenants list)`);
        return { chain: tenant.code, report: await s.db.transaction(tenant.id, (m) => s.auditChain.verify(m, tenant.id)) };
      });
      if (!report.ok) throw new CliCheckFailedError(describeReport(chain, report));
      for (const line of describeReport(chain, report)) console.log(line);
    });

  return audit;
}
