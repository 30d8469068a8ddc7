import { Pool, QueryResultRow } from 'pg';

/**
 * The public read path's connection: the public reader role, whose policies admit published rows
 * only, so each request is a single statement — no transaction, no tenant setting round trips.
 * Queries still filter `tenant_id = $1` explicitly (the planner uses the index better with it).
 * Statements are named, so Postgres plans each once per connection.
 */
export interface PublicReadTimeouts {
  /** Longest wait for a connection (new, or free in the pool). */
  connectTimeoutMs: number;
  /** Longest a statement runs on the server; the client gives up a moment later (a dead network). */
  statementTimeoutMs: number;
}

/** How much longer than the server's statement timeout the client waits for an answer. */
const CLIENT_GRACE_MS = 500;

export class PublicReadDatabase {
  private readonly pool: Pool;

  constructor(
    url: string,
    poolSize: number,
    applicationName = 'cong-public',
    timeouts: PublicReadTimeouts = { connectTimeoutMs: 1500, statementTimeoutMs: 5000 },
  ) {
    // Bounded waits: with PostgreSQL unreachable a citizen's read fails within about a second and
    // is answered from the cache (stale) or with a 503, not after the pool's default wait.
    this.pool = new Pool({
      connectionString: url,
      max: poolSize,
      application_name: applicationName,
      connectionTimeoutMillis: timeouts.connectTimeoutMs,
      statement_timeout: timeouts.statementTimeoutMs,
      query_timeout: timeouts.statementTimeoutMs + CLIENT_GRACE_MS,
    });
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
