import { Pool, QueryResultRow } from 'pg';

/**
 * The public read path's connection: the public reader role, whose policies admit published rows
 * only, so each request is a single statement — no transaction, no tenant setting round trips.
 * Queries still filter `tenant_id = $1` explicitly (the planner uses the index better with it).
 * Statements are named, so Postgres plans each once per connection.
 */
export class PublicReadDatabase {
  private readonly pool: Pool;

  constructor(url: string, poolSize: number, applicationName = 'cong-public') {
    this.pool = new Pool({ connectionString: url, max: poolSize, application_name: applicationName, connectionTimeoutMillis: 5000 });
    // An idle client's connection dropped (Postgres restart): the pool replaces it; nothing to do.
    this.pool.on('error', () => undefined);
  }

  async query<T extends QueryResultRow>(name: string, text: string, values: unknown[]): Promise<T[]> {
    return (await this.pool.query<T>({ name, text, values })).rows;
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
