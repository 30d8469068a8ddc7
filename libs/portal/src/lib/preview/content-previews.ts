import { Injectable } from '@nestjs/common';
import { ContentEditor, ContentErrors, ContentPreviewRequest, ContentPreviewResponse, MediaLibrary } from '@cong/content';
import { ResolvedTenant } from '@cong/tenancy';
import { ItemPage } from '../pages/item-page';
import { PortalChrome } from '../portal-chrome';
import { contextOf, html, pageCsp } from '../portal-pages';
import { PreviewLinks } from './preview-links';
import { PREVIEW_TTL_SECONDS, PreviewStore, StoredPreview } from './preview-store';

export const PREVIEWS_PATH = '/api/v1/content/previews';

/**
 * Drafts as the public will see them: the portal's own item page, with the province's theme and
 * navigation, rendered from a draft that is checked as a save would check it and written nowhere.
 * The page is kept for a short while under an unguessable address, so that the console can show it
 * in a frame (which cannot send the bearer token) with the portal's own security policy.
 */
@Injectable()
export class ContentPreviews {
  constructor(
    private readonly editor: ContentEditor,
    private readonly chrome: PortalChrome,
    private readonly store: PreviewStore,
    private readonly media: MediaLibrary,
  ) {}

  async create(tenant: ResolvedTenant, draft: ContentPreviewRequest): Promise<ContentPreviewResponse> {
    const preview = await this.editor.preview(tenant.id, tenant.timezone, draft);
    const chrome = await this.chrome.of(tenant);
    const site = chrome.sites.find((s) => s.key === preview.site);
    // The chrome holds the active sites only; an item of a closed sub-site is not shown anywhere.
    if (!site) throw ContentErrors.siteInactive(preview.site);
    const token = this.store.newToken();
    const path = `${PREVIEWS_PATH}/${token}`;
    const ctx = { ...contextOf(chrome, site, new PreviewLinks(chrome, path)), preview: true };
    await this.store.put(token, {
      tenantId: tenant.id,
      html: html(ItemPage({ ctx, item: preview.item })).body,
      // The console's frame, on the same origin, is the only page that may show it.
      csp: pageCsp(chrome, "'self'"),
      media: preview.media,
    });
    return { url: path, expiresAt: new Date(Date.now() + PREVIEW_TTL_SECONDS * 1000).toISOString() };
  }

  page(token: string): Promise<Pick<StoredPreview, 'html' | 'csp'> | undefined> {
    return this.store.page(token);
  }

  /** An upload the preview shows (and no other), drafts' uploads included. */
  async file(token: string, mediaId: string, width?: number) {
    const uploads = await this.store.uploads(token);
    if (!uploads || !uploads.media.includes(mediaId)) return undefined;
    return this.media.file(uploads.tenantId, mediaId, width);
  }
}
