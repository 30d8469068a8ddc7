import { Client, escapeIdentifier } from 'pg';
import { randomBytes } from 'node:crypto';
import { ownerUrl, templateDatabase, TEST_DATABASE_PREFIX, withDatabase } from './test-environment';

/** A database of one spec file's own, copied from the migrated template; dropped by `drop()`. */
export class TestDatabase {
  private constructor(
    readonly name: string,
    readonly ownerUrl: string,
  ) {}

  static async create(): Promise<TestDatabase> {
    const name = `${TEST_DATABASE_PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`;
    const template = templateDatabase();
    await withAdmin((admin) => copyDatabase(admin, template, name));
    return new TestDatabase(name, withDatabase(ownerUrl(), name));
  }

  /** An empty database (no schema at all), for testing migrations themselves. */
  static async createEmpty(): Promise<TestDatabase> {
    const name = `${TEST_DATABASE_PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`;
    await withAdmin((admin) => admin.query(`CREATE DATABASE ${escapeIdentifier(name)}`));
    return new TestDatabase(name, withDatabase(ownerUrl(), name));
  }

  /** A name for a database that does not exist yet (dropped by `drop()` if something creates it). */
  static reserveName(): TestDatabase {
    const name = `${TEST_DATABASE_PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`;
    return new TestDatabase(name, withDatabase(ownerUrl(), name));
  }

  async drop(): Promise<void> {
    await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${escapeIdentifier(this.name)} WITH (FORCE)`));
  }
}

/** `CREATE DATABASE … TEMPLATE`, which needs the template to have no other session: a parallel copy may hold it briefly. */
export async function copyDatabase(admin: Client, template: string, name: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${escapeIdentifier(name)} TEMPLATE ${escapeIdentifier(template)}`);
      return;
    } catch (error) {
      if (attempt >= 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
}

async function withAdmin<T>(work: (admin: Client) => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: withDatabase(ownerUrl(), 'postgres') });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}
