import { Links } from '../portal-addresses';
import type { Chrome, SiteInfo } from '../portal-chrome';

/**
 * Links of a preview, which is read on the console's origin: every page link is absolute (the
 * live portal), and the draft's uploads come through the preview's own address, since the public
 * media route shows only files of published items.
 */
export class PreviewLinks extends Links {
  constructor(
    chrome: Chrome,
    private readonly previewPath: string,
  ) {
    super(chrome, null);
  }

  override on(site: SiteInfo, rest = ''): string {
    return this.canonical(site, rest);
  }

  override media = (id: string, width?: number) => `${this.previewPath}/media/${id}${width ? `?width=${width}` : ''}`;
}
