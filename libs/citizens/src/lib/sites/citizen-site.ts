import { Site } from '@cong/sites';
import { EntityManager } from 'typeorm';

/** The site a citizen writes on, by its key (`portal` or a unit code); null when the province has no such site. */
export async function siteOfKey(m: EntityManager, tenantId: string, key: string): Promise<Site | null> {
  const sites = m.getRepository(Site);
  if (key === 'portal') return sites.findOneBy({ tenantId, kind: 'portal' });
  return /^[a-z][a-z0-9-]{0,62}$/.test(key) ? sites.findOneBy({ tenantId, path: `/${key}` }) : null;
}

/** How a site is named in the API and on the portal: `portal`, or its unit's code. */
export const keyOfSite = (site: Site): string => (site.kind === 'portal' ? 'portal' : site.path.slice(1));
