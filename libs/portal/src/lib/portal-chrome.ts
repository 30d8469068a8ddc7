import { Injectable } from '@nestjs/common';
import { PublicReader, PublicSection } from '@cong/content';
import { PublicResponseCache } from '@cong/platform-cache';
import { PortalPublisher, RuleVersionRepository, todayIn } from '@cong/rules';
import { ResolvedTenant, TenantRepository } from '@cong/tenancy';
import { PublicUnit, PublicUnitDirectory } from '@cong/units';
import { LRUCache } from 'lru-cache';
import { createHash } from 'node:crypto';

/** A site of the province as the portal links to it. */
export interface SiteInfo {
  id: string;
  /** `portal`, or the unit code of a sub-site. */
  key: string;
  /** `/` or `/<unit code>`. */
  path: string;
  title: string;
  kind: string;
  /** Its own host name, when it has one (`portal.subsiteDomains`). */
  domain: string | null;
}

/** What every page of a province shows around its content: who runs it, how it looks, where to go. */
export interface Chrome {
  tenant: ResolvedTenant;
  portalTitle: string;
  /** `https://laocai.gov.vn`: where canonical addresses, feeds and sitemaps point. */
  primaryOrigin: string;
  /** Every host name of the province (portal and sub-site domains). */
  domains: string[];
  publisher?: PortalPublisher;
  logo?: string;
  /** The theme as one inline style block, and its hash for the Content-Security-Policy. */
  themeStyle: string;
  themeStyleHash: string;
  sites: SiteInfo[];
  portal: SiteInfo;
  /** Each site's navigation, by site key. */
  sections: Map<string, PublicSection[]>;
  /** Units by code (the directory and the units named on items). */
  units: Map<string, PublicUnit>;
  /** Citizens' questions: taken or not, and how long askers' contacts are kept once closed. */
  questions: { enabled: boolean; contactRetentionDays: number };
}

/** The platform's colours when a province sets none (white text on them passes WCAG AA). */
const DEFAULT_THEME = { primaryColor: '#0b4f9c', accentColor: '#083c78' };
/** How long a process trusts its copy without an invalidation (as the response cache's own copy). */
const CHROME_TTL_MS = 60_000;

interface Entry {
  generation: number;
  chrome: Chrome;
}

/**
 * The province's chrome, loaded once (five statements: the rule version in force, the domains, the
 * sites, every site's sections, the units) and kept until something of the province changes (the
 * public response cache's generation: a publication, a rule file applied, a section or unit
 * edited). A page then costs its own statement alone, and a cached page none: `peek` answers
 * without waiting. Concurrent first requests share one load.
 */
@Injectable()
export class PortalChrome {
  private readonly entries = new LRUCache<string, Entry>({ max: 1_000, ttl: CHROME_TTL_MS });
  private readonly loading = new Map<string, { generation: number; load: Promise<Chrome> }>();

  constructor(
    private readonly reader: PublicReader,
    private readonly units: PublicUnitDirectory,
    private readonly rules: RuleVersionRepository,
    private readonly tenants: TenantRepository,
    private readonly cache: PublicResponseCache,
  ) {}

  /** The province's current chrome when this process has it, without waiting. */
  peek(tenant: ResolvedTenant): Chrome | undefined {
    const known = this.entries.get(tenant.id);
    return known && known.generation === this.cache.generation(tenant.id) ? known.chrome : undefined;
  }

  async of(tenant: ResolvedTenant): Promise<Chrome> {
    const known = this.peek(tenant);
    if (known) return known;
    const generation = this.cache.generation(tenant.id);
    const pending = this.loading.get(tenant.id);
    if (pending && pending.generation === generation) return pending.load;
    const load = this.load(tenant)
      .then((chrome) => {
        this.entries.set(tenant.id, { generation, chrome });
        return chrome;
      })
      .finally(() => {
        if (this.loading.get(tenant.id)?.load === load) this.loading.delete(tenant.id);
      });
    this.loading.set(tenant.id, { generation, load });
    return load;
  }

  private async load(tenant: ResolvedTenant): Promise<Chrome> {
    const [rules, domains, sites, sections, units] = await Promise.all([
      this.rules.ruleSetInForceOn(tenant.id, todayIn(tenant.timezone)),
      this.tenants.findDomainsOf(tenant.id),
      this.reader.sites(tenant.id),
      this.reader.sectionsByKey(tenant.id),
      this.units.units(tenant.id),
    ]);
    const primary = (domains.find((d) => d.isPrimary) ?? domains[0])?.domain ?? 'localhost';
    const theme = { ...DEFAULT_THEME, ...rules?.portal.theme };
    const themeStyle = `:root{--primary:${theme.primaryColor};--accent:${theme.accentColor ?? theme.primaryColor}}`;
    const portal = sites.find((s) => s.key === 'portal');
    if (!portal) throw new Error(`Province ${tenant.code} has no portal site`);
    return {
      tenant,
      portalTitle: rules?.portal.title ?? portal.title,
      primaryOrigin: `https://${primary}`,
      domains: domains.map((d) => d.domain),
      publisher: rules?.portal.publisher,
      logo: rules?.portal.theme?.logo,
      themeStyle,
      themeStyleHash: `sha256-${createHash('sha256').update(themeStyle).digest('base64')}`,
      sites,
      portal,
      sections,
      units: new Map(units.map((u) => [u.code, u])),
      questions: rules
        ? { enabled: rules.citizens.questions.enabled, contactRetentionDays: rules.citizens.questions.contactRetentionDays }
        : { enabled: false, contactRetentionDays: 0 },
    };
  }
}
