import { ALL_ENTITIES } from '@cong/catalog';
import { AccountAdmin, PasswordHasher } from '@cong/accounts';
import { AuditChainVerifier, AuditLog } from '@cong/platform-audit';
import { PublicResponseCache } from '@cong/platform-cache';
import { AppConfig } from '@cong/platform-config';
import { createAppDataSource, TenantDatabase } from '@cong/platform-database';
import { createCommandConnection } from '@cong/platform-queue';
import { TenantOnboarding } from '@cong/onboarding';
import { RuleVersionRepository } from '@cong/rules';
import { TenantRepository } from '@cong/tenancy';
import { UnitRepository } from '@cong/units';
import { userInfo } from 'node:os';

/** What the `cong` commands that touch the database work with. */
export interface PlatformStore {
  tenants: TenantRepository;
  units: UnitRepository;
  versions: RuleVersionRepository;
  onboarding: TenantOnboarding;
  accounts: AccountAdmin;
  /** Transactions of a province, or the audited operator path, for commands that read across tables. */
  db: TenantDatabase;
  auditChain: AuditChainVerifier;
}

/**
 * Opens the database as the application role — the same row-level security as the API — runs
 * `work` and closes the connection whatever happens.
 */
export async function withPlatformStore<T>(
  config: AppConfig,
  work: (store: PlatformStore) => Promise<T>,
  { dropsPublicAnswers = false }: { dropsPublicAnswers?: boolean } = {},
): Promise<T> {
  const dataSource = await createAppDataSource({
    url: config.database.appUrl,
    entities: ALL_ENTITIES,
    poolSize: 2,
    applicationName: 'cong-cli',
  }).initialize();
  // An apply tells the API processes to drop the province's cached public answers; Redis being away
  // only leaves them to expire (the cache says so in the log). Other commands need no Redis.
  const cache = dropsPublicAnswers
    ? new PublicResponseCache(createCommandConnection(config.redis.url, 'cong-cli'), config.redis.prefix)
    : undefined;
  try {
    const db = new TenantDatabase(dataSource);
    const audit = new AuditLog();
    return await work({
      tenants: new TenantRepository(dataSource, db),
      units: new UnitRepository(db),
      versions: new RuleVersionRepository(db),
      onboarding: new TenantOnboarding(db, audit, cache),
      accounts: new AccountAdmin(db, new PasswordHasher(), audit),
      db,
      auditChain: new AuditChainVerifier(),
    });
  } finally {
    await cache?.close();
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
