import { ContentItem } from '@cong/content';
import { Site } from '@cong/sites';
import { Unit } from '@cong/units';
import { EntityManager } from 'typeorm';
import { keyOfSite } from '../sites/citizen-site';
import { Consultation } from './consultation.entity';

/** Where a consultation sits: its site, its drafting unit, and the item that carries the draft. */
export async function placeOf(
  m: EntityManager,
  c: Consultation,
): Promise<{ site: string; unit: { code: string; name: string }; document: { site: string; slug: string; title: string } }> {
  const site = await m.getRepository(Site).findOneByOrFail({ tenantId: c.tenantId, id: c.siteId });
  const unit = await m.getRepository(Unit).findOneByOrFail({ tenantId: c.tenantId, id: c.unitId });
  const item = await m.getRepository(ContentItem).findOneByOrFail({ tenantId: c.tenantId, id: c.documentItemId });
  const itemSite = item.siteId === site.id ? site : await m.getRepository(Site).findOneByOrFail({ tenantId: c.tenantId, id: item.siteId });
  return {
    site: keyOfSite(site),
    unit: { code: unit.code, name: unit.name },
    document: { site: keyOfSite(itemSite), slug: item.slug, title: item.title },
  };
}
