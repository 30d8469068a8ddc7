import { Section } from './lib/section.entity';
import { Site } from './lib/site.entity';

export { Section } from './lib/section.entity';
export { type SectionNode, SiteDirectory, siteByKey, SiteErrors, type SiteView } from './lib/site-directory.service';
export { MAX_SECTION_DEPTH, type NewSection, type SectionChange, SectionErrors, SiteSections } from './lib/site-sections.service';
export { hasSiteChanges, planSites, provisionSites, type SiteChanges, type UnitForSites } from './lib/site-provisioning';
export { Site, type SiteKind } from './lib/site.entity';
export { foldVietnamese, MAX_SLUG_LENGTH, vietnameseSlug } from './lib/slugs/vietnamese-slug';
export { SitesModule } from './lib/sites.module';

export const SITES_ENTITIES = [Site, Section];
