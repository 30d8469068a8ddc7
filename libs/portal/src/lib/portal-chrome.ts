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
  /** Units by code (the directory and the units named on items). */
  units: Map<string, PublicUnit>;
}

/** The platform's colours when a province sets none (white text on them passes WCAG AA). */
const DEFAULT_THEME = { primaryColor: '#0b4f9c', accentColor: '#083c78' };
/** How long a process trusts its copy without an invalidation (as the response cache's own copy). */
const CHROME_TTL_MS = 60_000;

interface Entry {
  generation: number;
  chrome: Chrome;
  sections: Map<string, PublicSection[]>;
}

/**
 * The province's chrome, loaded once and kept until something of the province changes (the public
 * response cache's generation: a publication, a rule file applied, a section edited). A page then
 * costs its own statement alone.
 */
@Injectable()
export class PortalChrome {
  private readonly entries = new LRUCache<string, Entry>({ max: 1_000, ttl: CHROME_TTL_MS });

  constructor(
    private readonly reader: PublicReader,
    private readonly units: PublicUnitDirectory,
    private readonly rules: RuleVersionRepository,
    private readonly tenants: TenantRepository,
    private readonly cache: PublicResponseCache,
  ) {}

  async of(tenant: ResolvedTenant): Promise<Chrome> {
    return (await this.entry(tenant)).chrome;
  }

  /** A site's navigation: its sections in order, each with those under it. */
  async sections(tenant: ResolvedTenant, site: SiteInfo): Promise<PublicSection[]> {
    const entry = await this.entry(tenant);
    let sections = entry.sections.get(site.key);
    if (!sections) {
      sections = (await this.reader.siteWithSections(tenant.id, site.key))?.sections ?? [];
      entry.sections.set(site.key, sections);
    }
    return sections;
  }

  private async entry(tenant: ResolvedTenant): Promise<Entry> {
    const generation = this.cache.generation(tenant.id);
    const known = this.entries.get(tenant.id);
    if (known && known.generation === generation) return known;
    const entry = { generation, chrome: await this.load(tenant), sections: new Map<string, PublicSection[]>() };
    this.entries.set(tenant.id, entry);
    return entry;
  }

  private async load(tenant: ResolvedTenant): Promise<Chrome> {
    const [rules, domains, sites, units] = await Promise.all([
      this.rules.ruleSetInForceOn(tenant.id, todayIn(tenant.timezone)),
      this.tenants.findDomainsOf(tenant.id),
      this.reader.sites(tenant.id),
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
      units: new Map(units.map((u) => [u.code, u])),
    };
  }
}
