import { ContentItem } from './lib/items/content-item.entity';
import { ContentRevision } from './lib/items/content-revision.entity';
import { SlugRedirect } from './lib/items/slug-redirect.entity';
import { MediaAsset } from './lib/media/media-asset.entity';

export { ContentCoreModule, ContentModule } from './lib/content.module';
export {
  type Author,
  type ContentDraft,
  ContentEditor,
  type ContentPreview,
  type ContentView,
  type NewContent,
} from './lib/items/content-editor.service';
export { ContentReach } from './lib/http/content-reach';
export { ContentPreviewRequest, ContentPreviewResponse } from './lib/http/content.dto';
export { ContentErrors } from './lib/items/content.errors';
export { RESERVED_SLUGS } from './lib/items/reserved-slugs';
export { CONTENT_STATUSES, ContentItem, type ContentStatus } from './lib/items/content-item.entity';
export { ContentRevision } from './lib/items/content-revision.entity';
export { SlugRedirect } from './lib/items/slug-redirect.entity';
export { ContentPublisher, type PublicationListener, type StatusChange } from './lib/publishing/content-publisher';
export { type AnswerReply, type AnswerRequest, type Produced, PublicAnswers } from './lib/public/public-answers';
export { PublicRoutes } from './lib/public/public-routes';
export {
  type HomeLists,
  type PublicItem,
  type PublicItemSummary,
  PublicReader,
  type PublicRegisterQuery,
  type PublicSearchQuery,
  type PublicSearchResult,
  type PublicSection,
  type PublicSite,
  SEARCH_CANDIDATES,
} from './lib/public/public-reader.service';
export { LEGAL_DOCUMENT_STATUSES, type LegalDocumentStatus as PublicLegalStatus } from './lib/types/content-fields';
export { plainText, sanitizeRichText } from './lib/safety/sanitize-html';
export {
  FIELDS_BY_TYPE,
  LEGAL_DOCUMENT_KINDS,
  legalDocumentStatus,
  type LegalDocumentStatus,
  PAGE_KINDS,
  validateFields,
} from './lib/types/content-fields';
export {
  CONTENT_TYPE_LABELS,
  ENTRY_FIELD_LABELS,
  FIELD_LABELS,
  LEGAL_KIND_LABELS,
  LEGAL_STATUS_LABELS,
  PAGE_KIND_LABELS,
  VALUE_LABELS,
} from './lib/types/content-labels';
export { type ContentTypeDescription, ContentTypeCatalog, type LabelledField } from './lib/types/content-type-catalog';
export {
  CONTENT_FIELDS_END,
  CONTENT_FIELDS_START,
  describeFields,
  type FieldDescription,
  renderContentFieldsSection,
  withContentFieldsSection,
} from './lib/types/content-fields.doc';

export { MediaAsset, type MediaKind } from './lib/media/media-asset.entity';
export { IMAGE_WIDTHS, MediaLibrary } from './lib/media/media-library.service';
export {
  ACCEPTED_EXTENSIONS,
  ACCEPTED_KINDS_TEXT,
  type CheckedUpload,
  checkUpload,
  CITIZEN_IMAGE_PIXELS,
  imageSize,
  MAX_UPLOAD_BYTES,
  MiB,
  reencodeImage,
} from './lib/media/upload-checks';
export { MEDIA_FILE_CONTENT } from './lib/media/dto/media-asset.response';
export { MediaFileQuery, type ReplyLike, sendMediaFile } from './lib/media/media.controller';
export { LocalDiskStorage, MediaStorage } from './lib/media/media-storage';

export const CONTENT_ENTITIES = [ContentItem, ContentRevision, SlugRedirect, MediaAsset];
