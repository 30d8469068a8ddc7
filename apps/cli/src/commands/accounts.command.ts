import { Command } from 'commander';
import { AppConfig } from '@cong/platform-config';
import { IssuedAccount } from '@cong/accounts';
import { CliUsageError } from '../cli.errors';
import { cliActor, withPlatformStore } from './platform-store';

function printIssued({ user, oneTimePassword }: IssuedAccount, where: string): void {
  console.log(`Created ${user.username} (${user.displayName}) ${where}.`);
  console.log(`One-time password: ${oneTimePassword}`);
  console.log('Give it to the person in private; it is shown only now and must be changed at the first sign-in.');
}

/** `cong accounts …`: the accounts nobody else can issue — the first national operator, a province's first administrator. */
export function accountsCommand(config: () => AppConfig): Command {
  const accounts = new Command('accounts').description('Cấp tài khoản ban đầu (điều hành quốc gia, quản trị của tỉnh)');
  const access = (reason: string) => ({ actorId: null, actorLabel: cliActor(), reason });

  accounts
    .command('create-operator')
    .argument('<username>', 'tên đăng nhập, ví dụ nguyen.van.a')
    .requiredOption('--name <name>', 'họ tên')
    .option('--email <email>', 'thư điện tử')
    .description('Tạo tài khoản điều hành quốc gia (national_operator) với mật khẩu dùng một lần')
    .action(async (username: string, opts: { name: string; email?: string }) => {
      const issued = await withPlatformStore(config(), (s) =>
        s.accounts.createNationalOperator({ username, displayName: opts.name, email: opts.email }, access('create national operator')),
      );
      printIssued(issued, 'as a national operator; sign in at /api/v1/operator/auth/login');
    });

  accounts
    .command('create-admin')
    .argument('<tenant>', 'mã tỉnh, ví dụ lao-cai')
    .argument('<username>', 'tên đăng nhập')
    .requiredOption('--name <name>', 'họ tên')
    .option('--email <email>', 'thư điện tử')
    .description('Tạo tài khoản quản trị (tenant_admin, Trung tâm CNTT) đầu tiên của một tỉnh')
    .action(async (code: string, username: string, opts: { name: string; email?: string }) => {
      const issued = await withPlatformStore(config(), async (s) => {
        const tenant = await s.tenants.findByCode(code);
        if (!tenant) throw new CliUsageError(`no province with code "${code}" (see: cong tenants list)`);
        return s.accounts.createTenantAdmin(
          tenant.id,
          { username, displayName: opts.name, email: opts.email },
          access(`create first tenant admin of ${code}`),
        );
      });
      printIssued(issued, `as tenant_admin of ${code}; sign in at /api/v1/auth/login with X-Tenant: ${code} or on its domain`);
    });

  accounts
    .command('reset-password')
    .argument('<username>', 'tên đăng nhập')
    .option('--tenant <code>', 'mã tỉnh; bỏ trống cho tài khoản điều hành quốc gia')
    .description('Cấp mật khẩu dùng một lần cho tài khoản bị lộ hoặc quên mật khẩu (NA-9); mọi phiên đăng nhập bị thu hồi')
    .action(async (username: string, opts: { tenant?: string }) => {
      const issued = await withPlatformStore(config(), async (s) => {
        let tenantId: string | null = null;
        if (opts.tenant) {
          const tenant = await s.tenants.findByCode(opts.tenant);
          if (!tenant) throw new CliUsageError(`no province with code "${opts.tenant}" (see: cong tenants list)`);
          tenantId = tenant.id;
        }
        return s.accounts.resetToOneTimePassword(tenantId, username, access(`reset password of ${username}`));
      });
      printIssued(issued, opts.tenant ? `(password reset in ${opts.tenant})` : '(password reset, national operator)');
    });

  accounts
    .command('reset-two-factor')
    .argument('<username>', 'tên đăng nhập')
    .option('--tenant <code>', 'mã tỉnh; bỏ trống cho tài khoản điều hành quốc gia')
    .description(
      'Gỡ xác thực hai bước của tài khoản bị mất thiết bị (khi không có Trung tâm CNTT nào gỡ được); mọi phiên đăng nhập bị thu hồi',
    )
    .action(async (username: string, opts: { tenant?: string }) => {
      const user = await withPlatformStore(config(), async (s) => {
        let tenantId: string | null = null;
        if (opts.tenant) {
          const tenant = await s.tenants.findByCode(opts.tenant);
          if (!tenant) throw new CliUsageError(`no province with code "${opts.tenant}" (see: cong tenants list)`);
          tenantId = tenant.id;
        }
        return s.accounts.resetTwoFactor(tenantId, username, access(`reset two-step verification of ${username}`));
      });
      console.log(
        `Two-step verification of ${user.username} removed; every session ended. Where a role requires it, the next sign-in enrols again.`,
      );
    });

  return accounts;
}
