import { ALL_ENTITIES } from '@cong/catalog';
import { TenantOnboarding } from '@cong/onboarding';
import { AuditLog } from '@cong/platform-audit';
import { formatProblem, loadTenantFolder } from '@cong/rules';
import { join } from 'node:path';
import { AppConfig } from '@cong/platform-config';
import { createAppDataSource, TenantDatabase } from '@cong/platform-database';
import { Tenant, TenantRepository } from '@cong/tenancy';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { TestDatabase } from './test-database';

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

  private constructor(
    /** The variables the configuration was read from, for configurations of other processes. */
    private readonly environment: NodeJS.ProcessEnv,
    readonly database: TestDatabase,
    readonly config: AppConfig,
    /** Logs in as the application role: subject to row-level security, like the API. */
    readonly dataSource: DataSource,
    readonly db: TenantDatabase,
    readonly tenants: TenantRepository,
  ) {}

  static async create(env: NodeJS.ProcessEnv = {}): Promise<TestContext> {
    const database = await TestDatabase.create();
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
      ...env,
    };
    const config = AppConfig.fromEnvironment(environment);
    const dataSource = await createAppDataSource({
      url: config.database.appUrl,
      entities: ALL_ENTITIES,
      poolSize: 4,
      applicationName: 'cong-test',
    }).initialize();
    const db = new TenantDatabase(dataSource);
    return new TestContext(environment, database, config, dataSource, db, new TenantRepository(dataSource, db));
  }

  /**
   * This context's configuration with some variables changed: another process of the same test
   * (an API behind a proxy, with a shorter cache time, trusting X-Forwarded-For…), same database
   * and Redis prefix unless the overrides say otherwise.
   */
  configWith(overrides: NodeJS.ProcessEnv): AppConfig {
    return AppConfig.fromEnvironment({ ...this.environment, ...overrides });
  }

  /** A province with a unique code and domain, created through the audited operator path. */
  async newTenant(input: NewTestTenant = {}): Promise<Tenant> {
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
   * does; returns its id.
   */
  async applySeed(code: 'lao-cai' | 'nghe-an'): Promise<string> {
    const folder = await loadTenantFolder(join(__dirname, '../../../../tenants', code));
    if (!folder.ok) throw new Error(folder.problems.map(formatProblem).join('\n'));
    return (await new TenantOnboarding(this.db, new AuditLog()).apply(folder.definition, { actorLabel: 'test-fixture' })).tenantId!;
  }

  /** Runs SQL as the owner (schema inspection, arranging what the app role may not). */
  async asOwner<T>(work: (client: Client) => Promise<T>): Promise<T> {
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
    const client = new Client({ connectionString: this.config.database.appUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.database.drop();
  }
}
