import { AuditLog } from '@cong/platform-audit';
import { AppConfig } from '@cong/platform-config';
import { createAppDataSource, TenantDatabase } from '@cong/platform-database';
import { OnboardingOptions, OnboardingResult, TenantOnboarding } from '@cong/onboarding';
import { formatProblem, loadTenantFolder, TenantDefinition } from '@cong/rules';
import { ALL_ENTITIES } from '@cong/catalog';
import { join } from 'node:path';
import { Client, escapeIdentifier, escapeLiteral } from 'pg';
import { copyDatabase } from './test-database';
import { ownerUrl, templateDatabase, TEST_DATABASE_PREFIX, withDatabase } from './test-environment';

export type SeedCode = 'lao-cai' | 'nghe-an';

/** What a finished template says of itself; one without it was cut off while being built. */
const READY = 'seeded';

/**
 * Databases with seed provinces already onboarded, one per list of seeds (in the order applied),
 * built once per Jest run through the same onboarding as `cong tenants apply`, so that a spec
 * file's `applySeed` on a fresh database is a copy (a fraction of a second) instead of an
 * onboarding (one to three seconds, on every one of some fifty spec files). Named after the
 * run's main process (`CONG_TEST_RUN`, set by the global setup): the next run's global setup
 * drops them with the other copies of runs that are over.
 */
export async function seededTemplate(seeds: SeedCode[]): Promise<string> {
  const base = seeds.length > 1 ? await seededTemplate(seeds.slice(0, -1)) : templateDatabase();
  const run = process.env.CONG_TEST_RUN ?? String(process.pid);
  const name = `${TEST_DATABASE_PREFIX}${run}_seed_${seeds.map((s) => s.replace('-', '')).join('_')}`;
  const admin = new Client({ connectionString: withDatabase(ownerUrl(), 'postgres') });
  await admin.connect();
  try {
    // One worker builds it; the others wait here, then copy it.
    await admin.query(`SELECT pg_advisory_lock(hashtext($1))`, [name]);
    const { rows } = await admin.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [name],
    );
    if (rows[0]?.comment === READY) return name;
    await admin.query(`DROP DATABASE IF EXISTS ${escapeIdentifier(name)} WITH (FORCE)`);
    await copyDatabase(admin, base, name);
    await onboard(name, seeds[seeds.length - 1]);
    await admin.query(`COMMENT ON DATABASE ${escapeIdentifier(name)} IS ${escapeLiteral(READY)}`);
    return name;
  } finally {
    await admin.query(`SELECT pg_advisory_unlock(hashtext($1))`, [name]).catch(() => undefined);
    await admin.end();
  }
}

/** Onboards a seed province from `tenants/<code>` into a database, as `cong tenants apply` does. */
export async function onboardSeed(db: TenantDatabase, code: SeedCode): Promise<string> {
  const folder = await loadTenantFolder(join(__dirname, '../../../../tenants', code));
  if (!folder.ok) throw new Error(folder.problems.map(formatProblem).join('\n'));
  return (await applyDefinition(db, folder.definition)).tenantId!;
}

/**
 * A province onboarded (or its rules changed) from a definition, as `cong tenants apply` does:
 * the one way fixtures apply rules (the audit log without a request's actor; 'test-fixture' unless named).
 */
export function applyDefinition(
  db: TenantDatabase,
  definition: TenantDefinition,
  options: Partial<OnboardingOptions> = {},
): Promise<OnboardingResult> {
  return new TenantOnboarding(db, new AuditLog()).apply(definition, { actorLabel: 'test-fixture', ...options });
}

async function onboard(database: string, code: SeedCode): Promise<void> {
  const config = AppConfig.fromEnvironment({
    NODE_ENV: 'test',
    DATABASE_URL: withDatabase(ownerUrl(), database),
    DATABASE_APP_ROLE: process.env.DATABASE_APP_ROLE,
    DATABASE_APP_PASSWORD: process.env.DATABASE_APP_PASSWORD,
    DATABASE_PUBLIC_ROLE: process.env.DATABASE_PUBLIC_ROLE,
    DATABASE_PUBLIC_PASSWORD: process.env.DATABASE_PUBLIC_PASSWORD,
    REDIS_URL: process.env.REDIS_URL,
    LOG_LEVEL: 'silent',
  });
  const dataSource = await createAppDataSource({
    url: config.database.appUrl,
    entities: ALL_ENTITIES,
    poolSize: 2,
    applicationName: 'cong-test-seed',
  }).initialize();
  try {
    await onboardSeed(new TenantDatabase(dataSource), code);
  } finally {
    await dataSource.destroy();
  }
}
