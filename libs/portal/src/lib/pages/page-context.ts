import type { PublicSection } from '@cong/content';
import type { Links } from '../portal-addresses';
import type { Chrome, SiteInfo } from '../portal-chrome';

/** What every template is given: the province, the site, its navigation, and where links go. */
export interface PageContext {
  chrome: Chrome;
  site: SiteInfo;
  sections: PublicSection[];
  links: Links;
  /** The province's date, `yyyy-mm-dd` (legal documents' status depends on it). */
  today: string;
  /** Where the stylesheet is (its name carries its hash, so it is cached for good). */
  stylesheet: string;
  icon: string;
  /** A draft shown to its editors in the console: marked as such, never indexed. */
  preview?: boolean;
}

export interface Crumb {
  title: string;
  href?: string;
}
