import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { ConfigError } from './config.errors';
import { Environment } from './environment';

export type NodeEnv = 'development' | 'test' | 'production';

/**
 * Signs tokens only for a process that listens on loopback outside production: anyone who reads
 * this file could forge tokens with it, so a server reachable from other machines needs its own.
 */
const DEVELOPMENT_JWT_SECRET = 'cong-development-only-key-never-used-in-production';

const LOOPBACK = /^(127(\.\d{1,3}){3}|localhost|::1|\[::1\])$/i;

/** Whether an address is reachable only from this machine. */
export function isLoopback(host: string): boolean {
  return LOOPBACK.test(host);
}

/**
 * The typed configuration, built once from the environment. Injected by class; nothing else in the
 * platform reads process.env.
 */
export class AppConfig {
  readonly env: NodeEnv;
  readonly database: {
    /** Owner connection (migrations). */
    readonly ownerUrl: string;
    /** Application-role connection (API, worker): same server and database, the app role's credentials. */
    readonly appUrl: string;
    readonly appRole: string;
    readonly appPassword: string | undefined;
    /** Public read path (published rows only): its own login role and connection. */
    readonly publicUrl: string;
    readonly publicRole: string;
    readonly publicPassword: string | undefined;
    readonly poolSize: number;
    readonly publicPoolSize: number;
    /** Waiting for a connection (new, or free in the pool), application pool and public pool. */
    readonly connectTimeoutMs: number;
    readonly publicConnectTimeoutMs: number;
    /** Longest a public read statement runs. */
    readonly publicStatementTimeoutMs: number;
  };
  readonly redis: { readonly url: string; readonly prefix: string };
  readonly http: { readonly host: string; readonly port: number; readonly trustProxy: boolean };
  readonly log: { readonly level: string; readonly format: 'json' | 'pretty' };
  readonly worker: { readonly concurrency: number; readonly shutdownTimeoutMs: number; readonly scheduleCheckMs: number };
  /** `developmentKey`: tokens are signed with the fixed development key (loopback only). */
  readonly auth: { readonly jwtSecret: string; readonly developmentKey: boolean };
  readonly media: { readonly dir: string };
  /** Where the built admin console is read from. */
  readonly admin: { readonly distDir: string };
  /** Outgoing e-mail; `url` null: none is sent (in-app notifications only). */
  readonly mail: { readonly url: string | null; readonly from: string };
  readonly publicCache: boolean;
  /** Freshness and stale-if-error window of cached public answers; trust in a province lookup. */
  readonly cacheTimes: { readonly publicFreshSeconds: number; readonly publicStaleIfErrorSeconds: number; readonly tenantLookupMs: number };

  private constructor(e: Environment) {
    this.env = e.NODE_ENV as NodeEnv;
    this.database = Object.freeze({
      ownerUrl: e.DATABASE_URL,
      appUrl: withCredentials(e.DATABASE_URL, e.DATABASE_APP_ROLE, e.DATABASE_APP_PASSWORD),
      appRole: e.DATABASE_APP_ROLE,
      appPassword: e.DATABASE_APP_PASSWORD,
      publicUrl: withCredentials(e.DATABASE_URL, e.DATABASE_PUBLIC_ROLE, e.DATABASE_PUBLIC_PASSWORD),
      publicRole: e.DATABASE_PUBLIC_ROLE,
      publicPassword: e.DATABASE_PUBLIC_PASSWORD,
      poolSize: e.DATABASE_POOL_SIZE,
      publicPoolSize: e.DATABASE_PUBLIC_POOL_SIZE,
      connectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS,
      publicConnectTimeoutMs: e.DATABASE_PUBLIC_CONNECT_TIMEOUT_MS,
      publicStatementTimeoutMs: e.DATABASE_PUBLIC_STATEMENT_TIMEOUT_MS,
    });
    this.redis = Object.freeze({ url: e.REDIS_URL, prefix: e.REDIS_PREFIX });
    this.http = Object.freeze({ host: listenHost(e), port: e.PORT, trustProxy: e.TRUST_PROXY });
    this.log = Object.freeze({ level: e.LOG_LEVEL, format: e.LOG_FORMAT as 'json' | 'pretty' });
    this.worker = Object.freeze({
      concurrency: e.WORKER_CONCURRENCY,
      shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
      scheduleCheckMs: e.WORKER_SCHEDULE_CHECK_MS,
    });
    this.auth = Object.freeze({ jwtSecret: e.AUTH_JWT_SECRET ?? DEVELOPMENT_JWT_SECRET, developmentKey: !e.AUTH_JWT_SECRET });
    this.media = Object.freeze({ dir: e.MEDIA_DIR });
    this.admin = Object.freeze({ distDir: e.ADMIN_DIST_DIR });
    this.mail = Object.freeze({ url: e.SMTP_URL ?? null, from: e.SMTP_FROM });
    this.publicCache = e.PUBLIC_CACHE === 'on';
    this.cacheTimes = Object.freeze({
      publicFreshSeconds: e.PUBLIC_CACHE_TTL_SECONDS,
      publicStaleIfErrorSeconds: e.PUBLIC_CACHE_STALE_IF_ERROR_SECONDS,
      tenantLookupMs: e.TENANT_LOOKUP_TTL_MS,
    });
    Object.freeze(this);
  }

  /** Validates the whole environment; throws one ConfigError naming every bad variable. */
  static fromEnvironment(source: NodeJS.ProcessEnv = process.env): AppConfig {
    const known = Object.keys(new Environment());
    const raw = Object.fromEntries(Object.entries(source).filter(([k, v]) => known.includes(k) && v !== undefined && v !== ''));
    const env = plainToInstance(Environment, raw, { exposeDefaultValues: true });
    const problems = flatten(validateSync(env, { forbidUnknownValues: true, stopAtFirstError: true }));
    if (env.NODE_ENV === 'production' && !env.DATABASE_APP_PASSWORD) {
      problems.push('DATABASE_APP_PASSWORD is required when NODE_ENV=production');
    }
    if (env.NODE_ENV === 'production' && !env.DATABASE_PUBLIC_PASSWORD) {
      problems.push('DATABASE_PUBLIC_PASSWORD is required when NODE_ENV=production');
    }
    if (env.DATABASE_PUBLIC_ROLE === env.DATABASE_APP_ROLE) {
      problems.push('DATABASE_PUBLIC_ROLE must differ from DATABASE_APP_ROLE');
    }
    if (env.NODE_ENV === 'production' && !env.AUTH_JWT_SECRET) {
      problems.push('AUTH_JWT_SECRET is required when NODE_ENV=production');
    } else if (!env.AUTH_JWT_SECRET && !isLoopback(listenHost(env))) {
      problems.push(
        `AUTH_JWT_SECRET is required when the API listens beyond loopback (HOST=${listenHost(env)}): ` +
          'the development key is public, so tokens signed with it could be forged',
      );
    }
    problems.push(...checkUrl('DATABASE_URL', env.DATABASE_URL), ...checkUrl('REDIS_URL', env.REDIS_URL));
    if (problems.length > 0) throw new ConfigError([...new Set(problems)]);
    return new AppConfig(env);
  }
}

/** HOST, or its default: every interface in production (a container), loopback elsewhere. */
function listenHost(e: Environment): string {
  return e.HOST ?? (e.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1');
}

function flatten(errors: ValidationError[]): string[] {
  return errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => (m.startsWith(e.property) ? m : `${e.property}: ${m}`)));
}

function checkUrl(name: string, value: string): string[] {
  try {
    new URL(value);
    return [];
  } catch {
    return [`${name} is not a valid URL`];
  }
}

function withCredentials(url: string, user: string, password: string | undefined): string {
  try {
    const u = new URL(url);
    u.username = user;
    u.password = password ? encodeURIComponent(password) : '';
    return u.toString();
  } catch {
    return url;
  }
}

/** For process entry points: a wrong environment prints every problem and exits 1 before anything starts. */
export function loadConfigOrExit(processName: string, source: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return AppConfig.fromEnvironment(source);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`${processName}: ${error.message}\nSee README.md, "Configuration".`);
    process.exit(1);
  }
}
