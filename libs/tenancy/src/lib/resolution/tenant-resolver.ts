import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@cong/platform-config';
import { isDependencyUnavailable } from '@cong/platform-errors';
import { LRUCache } from 'lru-cache';
import { normaliseHost, TENANT_CODE } from '../tenants/tenant-identity';
import { Tenant } from '../tenants/tenant.entity';
import { TenantErrors } from '../tenants/tenant.errors';
import { TenantRepository } from '../tenants/tenant.repository';
import { ResolvedTenant } from './resolved-tenant';

export interface TenantHints {
  host?: string;
  /** The `X-Tenant` header: a province code, for API clients not on a province's domain. */
  tenantHeader?: string | string[];
}

const NONE = Symbol('no tenant');
/** A miss is remembered briefly: long enough to absorb a flood of random hosts, short enough that a
 * province just created (by `cong` in another process) is served within seconds. */
const MISS_TTL_MS = 5_000;
/**
 * With the database unreachable, a province known before is served from its last lookup (stale if
 * error), trusted this long before the database is tried again: requests meanwhile resolve from
 * the cache without waiting on a connection that will not come.
 */
const STALE_RETRY_MS = 5_000;

type Lookups = LRUCache<string, ResolvedTenant | typeof NONE>;

/**
 * Outside production, `<code>.localhost` names the province `<code>` (its portal): browsers resolve
 * every `*.localhost` to this machine, so each seed province opens with no DNS set-up.
 */
const DEV_HOST = /^([a-z][a-z0-9-]{1,62})\.localhost$/;

/**
 * Host header → province domain, or `X-Tenant` → province code. Lookups are cached briefly (and
 * bounded, so random Host headers cannot grow memory); an unknown province is a 404, never a default.
 *
 * Stale if error: the last answer for each domain and code is kept (bounded like the cache; "none"
 * too, so that an API client's request from an unknown host still resolves by its X-Tenant). When
 * the database cannot be reached, a key looked up before resolves as it did — the same key, so never
 * to another province — and one never looked up fails as the database did (a 503, not a 404:
 * whether it exists is unknown).
 */
@Injectable()
export class TenantResolver {
  private readonly logger = new Logger(TenantResolver.name);
  private readonly byDomain: Lookups;
  private readonly byCode: Lookups;
  private readonly lastKnown: Map<Lookups, Lookups>;
  private readonly devHosts: boolean;

  constructor(
    private readonly tenants: TenantRepository,
    config: AppConfig,
  ) {
    // TENANT_LOOKUP_TTL_MS (30 s by default): how soon a change of domains or status made by
    // another process is seen here.
    const ttl = config.cacheTimes.tenantLookupMs;
    this.devHosts = config.env !== 'production';
    this.byDomain = new LRUCache({ max: 10_000, ttl });
    this.byCode = new LRUCache({ max: 1_000, ttl });
    this.lastKnown = new Map([
      [this.byDomain, new LRUCache({ max: 10_000 })],
      [this.byCode, new LRUCache({ max: 1_000 })],
    ]);
  }

  async resolve(hints: TenantHints): Promise<ResolvedTenant> {
    const dev = this.devCode(hints.host);
    if (dev && hints.tenantHeader === undefined) return this.resolve({ tenantHeader: dev });
    const code = this.headerCode(hints.tenantHeader);
    const host = normaliseHost(hints.host);
    if (hints.host && !host && !code) throw TenantErrors.malformedHost();

    const fromHost = host ? await this.lookup(this.byDomain, host, () => this.tenants.findByDomain(host)) : undefined;
    if (code) {
      const fromHeader = await this.lookup(this.byCode, code, () => this.tenants.findByCode(code));
      if (!fromHeader) throw TenantErrors.notFound(`mã "${code}"`);
      if (fromHost && fromHost.id !== fromHeader.id) throw TenantErrors.mismatch();
      return this.active(fromHeader);
    }
    if (!fromHost) throw TenantErrors.notFound(host ? `tên miền "${host}"` : 'yêu cầu này (thiếu Host hoặc X-Tenant)');
    return this.active(fromHost);
  }

  /**
   * The province from the cache alone, without waiting: undefined when `resolve` must be asked
   * (not cached, or anything to refuse). The public read path answers cache hits synchronously.
   */
  resolveCached(hints: TenantHints): ResolvedTenant | undefined {
    const dev = this.devCode(hints.host);
    if (dev && hints.tenantHeader === undefined) return this.resolveCached({ tenantHeader: dev });
    const host = hints.host ? normaliseHost(hints.host) : undefined;
    if (hints.host && !host) return undefined;
    const fromHost = host ? this.byDomain.get(host) : NONE;
    if (fromHost === undefined) return undefined;
    const header = hints.tenantHeader;
    if (header === undefined) return fromHost === NONE || fromHost.status !== 'active' ? undefined : fromHost;
    if (typeof header !== 'string') return undefined;
    const fromHeader = this.byCode.get(header.trim());
    if (!fromHeader || fromHeader === NONE || fromHeader.status !== 'active') return undefined;
    return fromHost === NONE || fromHost.id === fromHeader.id ? fromHeader : undefined;
  }

  /** Forget cached lookups, e.g. after a province's domains or status changed. */
  invalidate(): void {
    for (const [cache, last] of this.lastKnown) {
      cache.clear();
      last.clear();
    }
  }

  /** The province a development host (`lao-cai.localhost`) names, outside production. */
  private devCode(host: string | undefined): string | undefined {
    if (!this.devHosts || !host) return undefined;
    return DEV_HOST.exec(normaliseHost(host) ?? '')?.[1];
  }

  private headerCode(header: string | string[] | undefined): string | undefined {
    if (header === undefined) return undefined;
    if (Array.isArray(header)) {
      if (header.length !== 1) throw TenantErrors.malformedHeader(header.join(','));
      header = header[0];
    }
    const code = header.trim();
    if (!TENANT_CODE.test(code)) throw TenantErrors.malformedHeader(code);
    return code;
  }

  private async lookup(cache: Lookups, key: string, load: () => Promise<Tenant | null>): Promise<ResolvedTenant | undefined> {
    const hit = cache.get(key);
    if (hit !== undefined) return hit === NONE ? undefined : hit;
    const last = this.lastKnown.get(cache)!;
    let tenant: Tenant | null;
    try {
      tenant = await load();
    } catch (error) {
      const known = last.get(key);
      if (known === undefined || !isDependencyUnavailable(error)) throw error;
      this.logger.warn(`Database unreachable; "${key}" resolved from its last lookup`);
      cache.set(key, known, { ttl: STALE_RETRY_MS });
      return known === NONE ? undefined : known;
    }
    const value = tenant ? { id: tenant.id, code: tenant.code, name: tenant.name, timezone: tenant.timezone, status: tenant.status } : NONE;
    cache.set(key, value, value === NONE ? { ttl: Math.min(MISS_TTL_MS, cache.ttl) } : undefined);
    last.set(key, value);
    return value === NONE ? undefined : value;
  }

  private active(tenant: ResolvedTenant): ResolvedTenant {
    if (tenant.status !== 'active') throw TenantErrors.notActive(tenant.code);
    return tenant;
  }
}
