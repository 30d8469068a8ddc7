import { ALL_ENTITIES } from '@cong/catalog';
import { AppConfig } from '@cong/platform-config';
import { createAppDataSource, TenantDatabase } from '@cong/platform-database';
import { Tenant, TenantRepository } from '@cong/tenancy';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, escapeIdentifier } from 'pg';
import { DataSource } from 'typeorm';
import type { OnboardingOptions, OnboardingResult } from '@cong/onboarding';
import type { TenantDefinition } from '@cong/rules';
import { applyDefinition, onboardSeed, SeedCode, seededTemplate } from './seeded-templates';
import { copyDatabase, TestDatabase } from './test-database';
import { ownerUrl, withDatabase } from './test-environment';

/** Every entity of the platform (from @cong/catalog), for specs that open data sources of their own. */
export { ALL_ENTITIES };

export interface NewTestTenant {
  code?: string;
  name?: string;
  timezone?: string;
  domains?: string[];
  status?: Tenant['status'];
}

/**
 * What a spec file works with: its own database (owner and application-role connections), its
 * own Redis key prefix, a config pointing at both, and factories. Create in beforeAll, close in
 * afterAll.
 */
export class TestContext {
  private counter = 0;
  /**
   * Nothing but seeds applied yet, and nothing else has had the connections: `applySeed` may then
   * swap the database for a copy of a seeded template instead of onboarding again.
   */
  private pristine = true;
  private readonly seeds: SeedCode[] = [];

  private constructor(
    /** The variables the configuration was read from, for configurations of other processes. */
    private readonly environment: NodeJS.ProcessEnv,
    readonly database: TestDatabase,
    private readonly appConfig: AppConfig,
    private connections: { dataSource: DataSource; db: TenantDatabase; tenants: TenantRepository },
    /** The upload directory made for this context (removed by `close`). */
    private readonly mediaDir: string,
  ) {}

  /** Read by whoever starts an API or a worker on this database: from then on it is no longer this context's alone. */
  get config(): AppConfig {
    this.pristine = false;
    return this.appConfig;
  }

  /** Logs in as the application role: subject to row-level security, like the API. */
  get dataSource(): DataSource {
    this.pristine = false;
    return this.connections.dataSource;
  }
  get db(): TenantDatabase {
    this.pristine = false;
    return this.connections.db;
  }
  get tenants(): TenantRepository {
    this.pristine = false;
    return this.connections.tenants;
  }

  static async create(env: NodeJS.ProcessEnv = {}): Promise<TestContext> {
    const database = await TestDatabase.create();
    const mediaDir = mkdtempSync(join(tmpdir(), 'cong-media-'));
    const environment: NodeJS.ProcessEnv = {
      NODE_ENV: 'test',
      DATABASE_URL: database.ownerUrl,
      DATABASE_APP_ROLE: process.env.DATABASE_APP_ROLE,
      DATABASE_APP_PASSWORD: process.env.DATABASE_APP_PASSWORD,
      DATABASE_PUBLIC_ROLE: process.env.DATABASE_PUBLIC_ROLE,
      DATABASE_PUBLIC_PASSWORD: process.env.DATABASE_PUBLIC_PASSWORD,
      REDIS_URL: process.env.REDIS_URL,
      REDIS_PREFIX: `cong-test:${randomBytes(6).toString('hex')}`,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
      SHUTDOWN_TIMEOUT_MS: '5000',
      // Uploads of this spec file's own: the same province ids recur across files (seeded templates).
      MEDIA_DIR: mediaDir,
      ...env,
    };
    const config = AppConfig.fromEnvironment(environment);
    return new TestContext(environment, database, config, await TestContext.connect(config), mediaDir);
  }

  private static async connect(config: AppConfig): Promise<TestContext['connections']> {
    const dataSource = await createAppDataSource({
      url: config.database.appUrl,
      entities: ALL_ENTITIES,
      poolSize: 4,
      applicationName: 'cong-test',
    }).initialize();
    const db = new TenantDatabase(dataSource);
    return { dataSource, db, tenants: new TenantRepository(dataSource, db) };
  }

  /**
   * This context's configuration with some variables changed: another process of the same test
   * (an API behind a proxy, with a shorter cache time, trusting X-Forwarded-For…), same database
   * and Redis prefix unless the overrides say otherwise.
   */
  configWith(overrides: NodeJS.ProcessEnv): AppConfig {
    this.pristine = false;
    return AppConfig.fromEnvironment({ ...this.environment, ...overrides });
  }

  /** A province with a unique code and domain, created through the audited operator path. */
  async newTenant(input: NewTestTenant = {}): Promise<Tenant> {
    this.pristine = false;
    const n = ++this.counter;
    const suffix = `${n}-${randomBytes(3).toString('hex')}`;
    const code = input.code ?? `test-${suffix}`;
    return this.tenants.create(
      {
        code,
        name: input.name ?? `Tỉnh Thử Nghiệm ${n}`,
        timezone: input.timezone ?? 'Asia/Ho_Chi_Minh',
        domains: input.domains ?? [`${code}.example.vn`],
        status: input.status,
      },
      { actorId: null, actorLabel: 'test-fixture', reason: 'test fixture' },
    );
  }

  /**
   * Onboards a seed province from `tenants/<code>` (rules, units, sites) as `cong tenants apply`
   * does; returns its id. On a database that has seen nothing but seeds (the usual first lines
   * of a spec's beforeAll), the same onboarding is copied from a template built once per run.
   */
  async applySeed(code: SeedCode): Promise<string> {
    if (this.pristine && !this.seeds.includes(code)) {
      const id = await this.copySeeded([...this.seeds, code], code);
      if (id) return id;
    }
    this.pristine = false;
    return onboardSeed(this.connections.db, code);
  }

  /**
   * Onboards a province, or changes its rules, from a definition (a seed's variant, a test's own
   * rules), as `cong tenants apply` does. Its `tenantId` is the province's.
   */
  applyDefinition(definition: TenantDefinition, options: Partial<OnboardingOptions> = {}): Promise<OnboardingResult> {
    this.pristine = false;
    return applyDefinition(this.connections.db, definition, options);
  }

  /** The database replaced by a copy of the template with these seeds; null if anything else holds a connection to it. */
  private async copySeeded(seeds: SeedCode[], code: SeedCode): Promise<string | null> {
    const template = await seededTemplate(seeds);
    await this.connections.dataSource.destroy();
    const admin = new Client({ connectionString: withDatabase(ownerUrl(), 'postgres') });
    await admin.connect();
    try {
      // Our own pool's sessions end a moment after it closes; anyone else's (an API, a worker) means: onboard for real.
      let others = 0;
      for (let wait = 0; wait < 100; wait++) {
        const { rows } = await admin.query<{ ours: number; others: number }>(
          `SELECT count(*) FILTER (WHERE application_name = 'cong-test')::int AS ours,
                  count(*) FILTER (WHERE application_name IS DISTINCT FROM 'cong-test')::int AS others
             FROM pg_stat_activity WHERE datname = $1`,
          [this.database.name],
        );
        others = rows[0].others + rows[0].ours;
        if (others === 0 || rows[0].others > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      if (others === 0) {
        await admin.query(`DROP DATABASE ${escapeIdentifier(this.database.name)}`);
        await copyDatabase(admin, template, this.database.name);
        this.seeds.push(code);
      }
    } finally {
      await admin.end();
      this.connections = await TestContext.connect(this.appConfig);
    }
    if (this.seeds[this.seeds.length - 1] !== code) return null;
    const client = new Client({ connectionString: this.database.ownerUrl });
    await client.connect();
    try {
      return (await client.query<{ id: string }>(`SELECT id FROM tenancy_tenant WHERE code = $1`, [code])).rows[0].id;
    } finally {
      await client.end();
    }
  }

  /** Runs SQL as the owner (schema inspection, arranging what the app role may not). */
  async asOwner<T>(work: (client: Client) => Promise<T>): Promise<T> {
    this.pristine = false;
    const client = new Client({ connectionString: this.database.ownerUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  /** Runs SQL as the application role on a connection of its own. */
  async asApp<T>(work: (client: Client) => Promise<T>): Promise<T> {
    this.pristine = false;
    const client = new Client({ connectionString: this.appConfig.database.appUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  async close(): Promise<void> {
    if (this.connections.dataSource.isInitialized) await this.connections.dataSource.destroy();
    await this.database.drop();
    await rm(this.mediaDir, { recursive: true, force: true });
  }
}
