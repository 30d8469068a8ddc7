import { Client, escapeIdentifier, escapeLiteral } from 'pg';
import { DataSource } from 'typeorm';
import { createOwnerDataSource } from './data-source.factory';
import { APPLICATION_GROUP_ROLE, PUBLIC_READER_GROUP_ROLE } from './roles';

export interface MigratorParams {
  ownerUrl: string;
  appRole: string;
  appPassword?: string;
  /** The public read path's login role (DATABASE_PUBLIC_ROLE); published rows only. */
  publicRole?: string;
  publicPassword?: string;
}

export interface MigrationStatus {
  name: string;
  applied: boolean;
}

/**
 * `cong db migrate|revert|status`. Runs as the owner; after migrating, makes sure the application
 * login role exists, belongs to the application group, and can neither bypass nor own anything.
 */
export class Migrator {
  constructor(private readonly params: MigratorParams) {}

  /** Creates the database named in the owner URL when it does not exist yet. */
  async ensureDatabase(): Promise<boolean> {
    const target = new URL(this.params.ownerUrl);
    const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
    const maintenance = new URL(this.params.ownerUrl);
    maintenance.pathname = '/postgres';
    const client = new Client({ connectionString: maintenance.toString() });
    await client.connect();
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (rowCount) return false;
      await client.query(`CREATE DATABASE ${escapeIdentifier(name)}`);
      return true;
    } finally {
      await client.end();
    }
  }

  /** Applies pending migrations in order, then ensures the app role. Returns what was applied. */
  async migrate(): Promise<string[]> {
    await this.ensureDatabase();
    const applied = await this.withOwner((ds) => ds.runMigrations({ transaction: 'each' }));
    await this.ensureAppRole();
    return applied.map((m) => m.name);
  }

  /** Reverts the newest applied migration; returns its name, or null when none is applied. */
  async revert(): Promise<string | null> {
    return this.withOwner(async (ds) => {
      const before = await this.appliedNames(ds);
      if (before.length === 0) return null;
      await ds.undoLastMigration({ transaction: 'each' });
      return before[before.length - 1];
    });
  }

  async status(): Promise<MigrationStatus[]> {
    return this.withOwner(async (ds) => {
      const applied = new Set(await this.appliedNames(ds));
      return ds.migrations.map((m) => ({ name: m.name ?? m.constructor.name, applied: applied.has(m.name ?? '') }));
    });
  }

  /** The application login role and, when configured, the public reader's: created, checked, grouped. */
  async ensureAppRole(): Promise<void> {
    await this.ensureLoginRole(this.params.appRole, this.params.appPassword, APPLICATION_GROUP_ROLE, 'DATABASE_APP_ROLE');
    if (this.params.publicRole) {
      if (this.params.publicRole === this.params.appRole)
        throw new Error('DATABASE_PUBLIC_ROLE must differ from DATABASE_APP_ROLE: the public path may read published rows only.');
      await this.ensureLoginRole(this.params.publicRole, this.params.publicPassword, PUBLIC_READER_GROUP_ROLE, 'DATABASE_PUBLIC_ROLE');
    }
  }

  private async ensureLoginRole(name: string, password: string | undefined, group: string, variable: string): Promise<void> {
    const client = new Client({ connectionString: this.params.ownerUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ rolsuper: boolean; rolbypassrls: boolean; is_self: boolean }>(
        'SELECT rolsuper, rolbypassrls, rolname = current_user AS is_self FROM pg_roles WHERE rolname = $1',
        [name],
      );
      const role = escapeIdentifier(name);
      if (rows.length === 0) {
        await client.query(`CREATE ROLE ${role} LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS`);
      } else if (rows[0].rolsuper || rows[0].rolbypassrls || rows[0].is_self) {
        throw new Error(
          `${variable} "${name}" is a superuser, has BYPASSRLS or is the migration owner; ` +
            'row-level security would not protect provinces from each other. Choose another role name.',
        );
      }
      if (password) await client.query(`ALTER ROLE ${role} PASSWORD ${escapeLiteral(password)}`);
      await client.query(`GRANT ${group} TO ${role}`);
    } finally {
      await client.end();
    }
  }

  private async appliedNames(ds: DataSource): Promise<string[]> {
    const exists = await ds.query(`SELECT to_regclass('platform_migration') IS NOT NULL AS present`);
    if (!exists[0].present) return [];
    const rows: { name: string }[] = await ds.query('SELECT name FROM platform_migration ORDER BY id');
    return rows.map((r) => r.name);
  }

  private async withOwner<T>(work: (ds: DataSource) => Promise<T>): Promise<T> {
    const ds = await createOwnerDataSource({ url: this.params.ownerUrl, applicationName: 'cong-migrate' }).initialize();
    try {
      return await work(ds);
    } finally {
      await ds.destroy();
    }
  }
}
