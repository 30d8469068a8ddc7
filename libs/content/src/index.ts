import { ContentItem } from './lib/items/content-item.entity';
import { ContentRevision } from './lib/items/content-revision.entity';
import { SlugRedirect } from './lib/items/slug-redirect.entity';

export { ContentModule } from './lib/content.module';
export { type Author, type ContentDraft, ContentEditor, type ContentView, type NewContent } from './lib/items/content-editor.service';
export { ContentErrors } from './lib/items/content.errors';
export { CONTENT_STATUSES, ContentItem, type ContentStatus } from './lib/items/content-item.entity';
export { ContentRevision } from './lib/items/content-revision.entity';
export { SlugRedirect } from './lib/items/slug-redirect.entity';
export { ContentPublisher, type PublicationListener } from './lib/publishing/content-publisher';
export { plainText, sanitizeRichText } from './lib/safety/sanitize-html';
export { foldVietnamese, vietnameseSlug } from './lib/slugs/vietnamese-slug';
export { FIELDS_BY_TYPE, LEGAL_DOCUMENT_KINDS, legalDocumentStatus, type LegalDocumentStatus, PAGE_KINDS, validateFields } from './lib/types/content-fields';

export const CONTENT_ENTITIES = [ContentItem, ContentRevision, SlugRedirect];
