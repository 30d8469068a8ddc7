import { Migrator } from '@cong/platform-database';
import { Client, escapeIdentifier, escapeLiteral } from 'pg';
import {
  migrationsFingerprint,
  ownerUrl,
  TEMPLATE_DATABASE_PREFIX,
  templateDatabase,
  TEST_DATABASE_PREFIX,
  withDatabase,
} from './lib/test-environment';

/**
 * Runs once per Jest run: migrates a template database (reused while the migrations are
 * unchanged) from which every spec file copies its own database, and removes copies left behind
 * by runs that crashed.
 */
export default async function globalSetup(): Promise<void> {
  const owner = ownerUrl();
  const admin = new Client({ connectionString: withDatabase(owner, 'postgres') });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `Tests need PostgreSQL at ${new URL(owner).host} (DATABASE_URL): ${(error as Error).message}. ` +
        'Run the tests with `npm run check`, which starts the services when they are missing.',
    );
  }
  try {
    await dropAbandonedCopies(admin);
    const fingerprint = migrationsFingerprint();
    const template = templateDatabase();
    await dropOtherTemplates(admin, template);
    const { rows } = await admin.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [template],
    );
    // The comment is written last: a template without it is one whose migration did not finish.
    // It says when a run last used the template, so that other checkouts leave it alone meanwhile.
    if (rows[0]?.comment?.split(' ')[0] === fingerprint) {
      await admin.query(`COMMENT ON DATABASE ${escapeIdentifier(template)} IS ${escapeLiteral(`${fingerprint} ${Date.now()}`)}`);
      return;
    }
    await admin.query(`DROP DATABASE IF EXISTS ${escapeIdentifier(template)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${escapeIdentifier(template)}`);
    await new Migrator({
      ownerUrl: withDatabase(owner, template),
      appRole: process.env.DATABASE_APP_ROLE || 'cong_app',
      appPassword: process.env.DATABASE_APP_PASSWORD || undefined,
      publicRole: process.env.DATABASE_PUBLIC_ROLE || 'cong_public',
      publicPassword: process.env.DATABASE_PUBLIC_PASSWORD || undefined,
    }).migrate();
    await admin.query(`COMMENT ON DATABASE ${escapeIdentifier(template)} IS ${escapeLiteral(`${fingerprint} ${Date.now()}`)}`);
  } finally {
    await admin.end();
  }
}

async function dropAbandonedCopies(admin: Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
    `${TEST_DATABASE_PREFIX}%`,
  ]);
  for (const { datname } of rows) {
    const pid = Number(datname.slice(TEST_DATABASE_PREFIX.length).split('_')[0]);
    if (Number.isInteger(pid) && isAlive(pid)) continue;
    await admin.query(`DROP DATABASE IF EXISTS ${escapeIdentifier(datname)} WITH (FORCE)`);
  }
}

/** A template no run has used for this long belongs to a migration stream nobody runs any more. */
const STALE_TEMPLATE_MS = 6 * 3600_000;

/** Templates of other migration streams (older checkouts, branches) go once nobody has used them for hours. */
async function dropOtherTemplates(admin: Client, keep: string): Promise<void> {
  const { rows } = await admin.query<{ datname: string; comment: string | null }>(
    `SELECT datname, shobj_description(oid, 'pg_database') AS comment FROM pg_database
     WHERE datname = 'cong_test_template' OR (datname LIKE $1 AND datname <> $2)`,
    [`${TEMPLATE_DATABASE_PREFIX}%`, keep],
  );
  for (const { datname, comment } of rows) {
    const lastUsed = Number(comment?.split(' ')[1]);
    if (Number.isFinite(lastUsed) && Date.now() - lastUsed < STALE_TEMPLATE_MS) continue;
    await admin.query(`DROP DATABASE IF EXISTS ${escapeIdentifier(datname)} WITH (FORCE)`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

if (require.main === module) {
  globalSetup().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
