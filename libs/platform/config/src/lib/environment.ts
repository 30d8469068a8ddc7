import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';

const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;

const toNumber = ({ value }: { value: unknown }) => (value === undefined ? value : Number(value));

const SQL_IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Every environment variable the platform reads. Documented in README.md ("Configuration");
 * keep the two in step. Defaults exist only where a wrong guess cannot leak anything.
 */
export class Environment {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV = 'development';

  /** Owner connection: migrations and `cong db` run with it. */
  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/cong';

  /** The role the API and worker log in as: not the owner, no BYPASSRLS. Created by `cong db migrate`. */
  @Matches(SQL_IDENTIFIER, { message: 'DATABASE_APP_ROLE must be a lower-case SQL identifier' })
  DATABASE_APP_ROLE = 'cong_app';

  /** Password of the application role. Required in production; may be empty where Postgres trusts local connections. */
  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'DATABASE_APP_PASSWORD must be at least 12 characters' })
  DATABASE_APP_PASSWORD?: string;

  /** Login role of the public read path (published rows only); must differ from DATABASE_APP_ROLE. */
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'DATABASE_PUBLIC_ROLE must be a lower-case role name' })
  DATABASE_PUBLIC_ROLE = 'cong_public';

  /** Its password; required in production. */
  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'DATABASE_PUBLIC_PASSWORD must be at least 12 characters' })
  DATABASE_PUBLIC_PASSWORD?: string;

  /** `off` serves public reads without the Redis cache (benchmarks measure the uncached path). */
  @IsIn(['on', 'off'], { message: 'PUBLIC_CACHE must be on or off' })
  PUBLIC_CACHE = 'on';

  /** How long a cached public answer is fresh (entries also go at once when a province publishes or withdraws anything). */
  @Transform(toNumber)
  @IsInt({ message: 'PUBLIC_CACHE_TTL_SECONDS must be a whole number' })
  @Min(1)
  @Max(86400)
  PUBLIC_CACHE_TTL_SECONDS = 300;

  /**
   * Stale if error: how long past its freshness a cached public answer is still served (marked
   * stale) while the database cannot be reached. 0: never.
   */
  @Transform(toNumber)
  @IsInt({ message: 'PUBLIC_CACHE_STALE_IF_ERROR_SECONDS must be a whole number' })
  @Min(0)
  @Max(604800)
  PUBLIC_CACHE_STALE_IF_ERROR_SECONDS = 3600;

  /** How long a process trusts a province lookup (Host or X-Tenant → province) before asking the database again. */
  @Transform(toNumber)
  @IsInt({ message: 'TENANT_LOOKUP_TTL_MS must be a whole number' })
  @Min(100)
  @Max(3600000)
  TENANT_LOOKUP_TTL_MS = 30000;

  /** Outgoing e-mail (notifications, reminders): an smtp:// or smtps:// URL. Unset: in-app notifications only. */
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** The sender of notification e-mails. */
  @IsString()
  @MinLength(3)
  SMTP_FROM = 'Cổng thông tin điện tử <no-reply@localhost>';

  /** Where uploaded files are kept (local-disk storage); created when missing. */
  @IsString()
  @MinLength(1)
  MEDIA_DIR = '.data/media';

  /** The built admin console (`npm run admin:build`), served at /admin. */
  @IsString()
  @MinLength(1)
  ADMIN_DIST_DIR = 'dist/admin';

  /**
   * Key that signs access tokens (HS256). Required in production; elsewhere a fixed development key
   * is used, so tokens survive restarts on a developer's machine and mean nothing anywhere else.
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'AUTH_JWT_SECRET must be at least 32 characters' })
  AUTH_JWT_SECRET?: string;

  @Transform(toNumber)
  @IsInt({ message: 'DATABASE_POOL_SIZE must be a whole number' })
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  /**
   * Connections of the public read path per API process. Each runs one query at a time, and public
   * queries are short: a few per database core serve more than many (on a 2-core machine 4 gave
   * search about a tenth more throughput and a third less p99 than 10, bench/public-read).
   */
  @Transform(toNumber)
  @IsInt({ message: 'DATABASE_PUBLIC_POOL_SIZE must be a whole number' })
  @Min(1)
  @Max(200)
  DATABASE_PUBLIC_POOL_SIZE = 4;

  /**
   * How long the API and worker wait for a database connection (a new one, or a free one of the
   * pool) before failing: bounded, so that with PostgreSQL unreachable a request fails fast (503)
   * instead of hanging.
   */
  @Transform(toNumber)
  @IsInt({ message: 'DATABASE_CONNECT_TIMEOUT_MS must be a whole number' })
  @Min(100)
  @Max(60000)
  DATABASE_CONNECT_TIMEOUT_MS = 2000;

  /**
   * The same for the public read path, shorter: a citizen's read is answered from the cache (stale
   * if need be) or with a 503 rather than after seconds of waiting.
   */
  @Transform(toNumber)
  @IsInt({ message: 'DATABASE_PUBLIC_CONNECT_TIMEOUT_MS must be a whole number' })
  @Min(100)
  @Max(60000)
  DATABASE_PUBLIC_CONNECT_TIMEOUT_MS = 1500;

  /** Longest a public read statement may run (server-side statement_timeout; the client stops waiting shortly after). */
  @Transform(toNumber)
  @IsInt({ message: 'DATABASE_PUBLIC_STATEMENT_TIMEOUT_MS must be a whole number' })
  @Min(100)
  @Max(600000)
  DATABASE_PUBLIC_STATEMENT_TIMEOUT_MS = 5000;

  @Matches(/^rediss?:\/\/[^\s]+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix of every Redis key this deployment writes (queues, cache); one per deployment. */
  @Matches(/^[a-zA-Z0-9:_-]{1,64}$/, { message: 'REDIS_PREFIX may hold letters, digits, ":", "_" and "-" (1–64)' })
  REDIS_PREFIX = 'cong';

  @Transform(toNumber)
  @IsInt({ message: 'PORT must be a whole number' })
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** Listen address; unset: loopback (127.0.0.1), or every interface (0.0.0.0) in production. */
  @IsOptional()
  @IsString()
  HOST?: string;

  /** Trust X-Forwarded-* headers (set when the API runs behind a reverse proxy). */
  @Transform(toBoolean)
  @IsBoolean({ message: 'TRUST_PROXY must be true or false' })
  TRUST_PROXY = false;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** `json` (one object a line, for log collectors) or `pretty` (one readable line, for a terminal). */
  @IsIn(['json', 'pretty'], { message: 'LOG_FORMAT must be json or pretty' })
  LOG_FORMAT = 'json';

  @Transform(toNumber)
  @IsInt({ message: 'WORKER_CONCURRENCY must be a whole number' })
  @Min(1)
  @Max(100)
  WORKER_CONCURRENCY = 5;

  /** How long a stopping worker waits for in-flight jobs before handing them back to the queue. */
  @Transform(toNumber)
  @IsInt({ message: 'SHUTDOWN_TIMEOUT_MS must be a whole number' })
  @Min(0)
  @Max(600000)
  SHUTDOWN_TIMEOUT_MS = 25000;

  /**
   * How often a worker checks that the job schedulers it declared are still in Redis (one ZCARD a
   * queue), and declares them again if Redis lost them (FLUSHALL, a restart without persistence,
   * a failover to an empty replica). A reconnect triggers the check at once.
   */
  @Transform(toNumber)
  @IsInt({ message: 'WORKER_SCHEDULE_CHECK_MS must be a whole number' })
  @Min(200)
  @Max(600000)
  WORKER_SCHEDULE_CHECK_MS = 10000;
}
