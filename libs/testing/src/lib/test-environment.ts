import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The owner URL tests use: DATABASE_URL as everywhere else, with the same default. */
export function ownerUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/cong';
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export const TEMPLATE_DATABASE_PREFIX = 'cong_test_template_';
export const TEST_DATABASE_PREFIX = 'cong_test_f';

/**
 * The migrated template of this migration stream. Named by its fingerprint, so that runs of
 * checkouts with different migrations (two worktrees, a branch switch) never rebuild each other's.
 */
export function templateDatabase(): string {
  return `${TEMPLATE_DATABASE_PREFIX}${migrationsFingerprint()}`;
}

/** A fingerprint of the migration stream: the template is rebuilt only when a migration changes. */
export function migrationsFingerprint(): string {
  const roots = [join(__dirname, '../../../platform/database/src/migrations'), join(__dirname, '../../../platform/database/src/lib')];
  const hash = createHash('sha256');
  for (const dir of roots) {
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .sort()) {
      hash.update(file).update(readFileSync(join(dir, file)));
    }
  }
  return hash.digest('hex').slice(0, 16);
}
