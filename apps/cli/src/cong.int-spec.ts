import { MIGRATIONS } from '@cong/platform-database';
import { TestDatabase } from '@cong/testing';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { runCong } from '../test/run-cong';
import { EXIT } from './cong';

const ROOT = join(__dirname, '../../..');

const cong = runCong;
/** The newest migration: what `db revert` takes back. */
const NEWEST = MIGRATIONS[MIGRATIONS.length - 1].name;

const appEnv = () => ({
  DATABASE_APP_ROLE: process.env.DATABASE_APP_ROLE,
  DATABASE_APP_PASSWORD: process.env.DATABASE_APP_PASSWORD,
});

describe('cong db', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await TestDatabase.createEmpty();
  });
  afterAll(() => db.drop());

  it('migrates an empty database, and a second run changes nothing', async () => {
    const env = { DATABASE_URL: db.ownerUrl, ...appEnv() };
    const first = await cong(['db', 'migrate'], env);
    expect(first.code).toBe(EXIT.ok);
    expect(first.output).toContain(`Applied ${MIGRATIONS.length} migration(s)`);
    expect(first.output).toContain(NEWEST);

    const second = await cong(['db', 'migrate'], env);
    expect(second).toEqual({ code: EXIT.ok, output: 'Database is up to date.' });
  });

  it('reports status, reverts the newest migration and re-applies it', async () => {
    const env = { DATABASE_URL: db.ownerUrl, ...appEnv() };
    const status = (await cong(['db', 'status'], env)).output;
    expect(status).toBe([...MIGRATIONS.map((m) => `[x] ${m.name}`), 'All applied.'].join('\n'));

    const reverted = await cong(['db', 'revert'], env);
    expect(reverted).toEqual({ code: EXIT.ok, output: `Reverted ${NEWEST}.` });
    expect((await cong(['db', 'status'], env)).output).toContain(`[ ] ${NEWEST}\n1 pending.`);
    const client = new Client({ connectionString: db.ownerUrl });
    await client.connect();
    const { rows } = await client.query(`SELECT count(*)::int AS c FROM platform_migration WHERE name = $1`, [NEWEST]);
    await client.end();
    expect(rows[0].c).toBe(0);

    expect((await cong(['db', 'migrate'], env)).output).toMatch(/Applied 1 migration/);
  });

  it('creates the database named in DATABASE_URL when it does not exist', async () => {
    const fresh = TestDatabase.reserveName();
    try {
      const result = await cong(['db', 'migrate'], { DATABASE_URL: fresh.ownerUrl, ...appEnv() });
      expect(result.code).toBe(EXIT.ok);
      expect(result.output).toContain(`Applied ${MIGRATIONS.length} migration(s)`);
    } finally {
      await fresh.drop();
    }
  });

  it('refuses an application role that could bypass row-level security', async () => {
    const result = await cong(['db', 'migrate'], { DATABASE_URL: db.ownerUrl, DATABASE_APP_ROLE: 'postgres' });
    expect(result.code).toBe(EXIT.invalidInput);
    expect(result.output).toMatch(/superuser, has BYPASSRLS or is the migration owner/);
  });

  it('exits 2 on usage errors and on a bad environment', async () => {
    expect((await cong(['db', 'frobnicate'], {})).code).toBe(EXIT.usage);
    expect((await cong(['no-such-command'], {})).code).toBe(EXIT.usage);
    const badEnv = await cong(['db', 'status'], { DATABASE_URL: 'mysql://somewhere/db' });
    expect(badEnv.code).toBe(EXIT.usage);
    expect(badEnv.output).toContain('DATABASE_URL must be a postgres:// URL');
  });

  it('prints help and exits 0', async () => {
    const help = await cong(['--help'], {});
    expect(help.code).toBe(EXIT.ok);
    expect(help.output).toContain('db');
  });
});

describe('start-up with a wrong environment', () => {
  it.each([['apps/api/src/main.ts'], ['apps/worker/src/main.ts']])('%s exits 1 listing every bad variable by name', async (entry) => {
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['-r', '@swc-node/register', join(ROOT, entry)],
        { cwd: ROOT, env: { PATH: process.env.PATH, PORT: 'eighty', REDIS_URL: 'http://x', WORKER_CONCURRENCY: '0' }, timeout: 60_000 },
        (error, _stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stderr }),
      );
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/Invalid configuration \(3 problems\)/);
    for (const name of ['PORT', 'REDIS_URL', 'WORKER_CONCURRENCY']) expect(stderr).toContain(name);
  });
});
