import { COMPLIANCE_ENTITIES } from '@cong/compliance';
import { NOTIFICATIONS_ENTITIES } from '@cong/notifications';
import { WORKFLOW_ENTITIES } from '@cong/workflow';
import { CONTENT_ENTITIES } from '@cong/content';
import { SITES_ENTITIES } from '@cong/sites';
import { AccountAdmin, ACCOUNTS_ENTITIES, PasswordHasher } from '@cong/accounts';
import { AUDIT_ENTITIES, AuditLog } from '@cong/platform-audit';
import { AppConfig } from '@cong/platform-config';
import { createAppDataSource, TenantDatabase } from '@cong/platform-database';
import { TenantOnboarding } from '@cong/onboarding';
import { RULES_ENTITIES, RuleVersionRepository } from '@cong/rules';
import { TENANCY_ENTITIES, TenantRepository } from '@cong/tenancy';
import { UNITS_ENTITIES, UnitRepository } from '@cong/units';
import { userInfo } from 'node:os';

/** What the `cong` commands that touch the database work with. */
export interface PlatformStore {
  tenants: TenantRepository;
  units: UnitRepository;
  versions: RuleVersionRepository;
  onboarding: TenantOnboarding;
  accounts: AccountAdmin;
}

/**
 * Opens the database as the application role — the same row-level security as the API — runs
 * `work` and closes the connection whatever happens.
 */
export async function withPlatformStore<T>(config: AppConfig, work: (store: PlatformStore) => Promise<T>): Promise<T> {
  const dataSource = await createAppDataSource({
    url: config.database.appUrl,
    entities: [...TENANCY_ENTITIES, ...UNITS_ENTITIES, ...RULES_ENTITIES, ...ACCOUNTS_ENTITIES, ...AUDIT_ENTITIES, ...SITES_ENTITIES, ...CONTENT_ENTITIES, ...WORKFLOW_ENTITIES, ...NOTIFICATIONS_ENTITIES, ...COMPLIANCE_ENTITIES],
    poolSize: 2,
    applicationName: 'cong-cli',
  }).initialize();
  try {
    const db = new TenantDatabase(dataSource);
    const audit = new AuditLog();
    return await work({
      tenants: new TenantRepository(dataSource, db),
      units: new UnitRepository(db),
      versions: new RuleVersionRepository(db),
      onboarding: new TenantOnboarding(db, audit),
      accounts: new AccountAdmin(db, new PasswordHasher(), audit),
    });
  } finally {
    await dataSource.destroy();
  }
}

/** How the CLI names its user in the audit trail. */
export function cliActor(): string {
  let name = process.env.USER ?? 'unknown';
  try {
    name = userInfo().username;
  } catch {
    // No passwd entry (some containers): keep $USER.
  }
  return `cli:${name}`;
}
