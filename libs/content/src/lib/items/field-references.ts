import { FieldProblem } from '@cong/platform-errors';
import { ContentType } from '@cong/rules';
import { EntityManager, In } from 'typeorm';
import { MediaAsset, MediaKind } from '../media/media-asset.entity';
import { fileRefsOf } from '../types/content-fields';
import { ContentItem } from './content-item.entity';

const KIND_NAMES: Record<MediaKind, string> = { image: 'một ảnh', pdf: 'một tệp PDF', word: 'một tệp Word', excel: 'một tệp Excel' };

/** Where citizens fetch an upload (the public media route, on the province's domain). */
export const publicMediaPath = (id: string) => `/api/v1/public/media/${id}`;

/**
 * Checks what validated fields point at, inside the province, and completes them:
 * - an upload named by `media` must be the province's and of a kind its place takes (a chart is an
 *   image; a procedure's forms are PDF, Word or Excel); its public `url` is then filled in, so a
 *   reader needs nothing else, and an item read back and saved again keeps the same reference;
 * - a legal document's `replacedBy` must be another legal document of the province.
 */
export async function resolveReferences(
  m: EntityManager,
  tenantId: string,
  type: ContentType,
  fields: Record<string, unknown>,
  itemId?: string,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const uploads = fileRefsOf(type, fields).filter((slot) => slot.ref.media !== undefined);
  if (uploads.length > 0) {
    const ids = [...new Set(uploads.map((slot) => slot.ref.media!))];
    const found = new Map((await m.getRepository(MediaAsset).findBy({ tenantId, id: In(ids) })).map((a) => [a.id, a]));
    for (const slot of uploads) {
      const asset = found.get(slot.ref.media!);
      if (!asset) problems.push({ field: `${slot.path}.media`, message: `Không có tệp tải lên ${slot.ref.media} trong tỉnh này.` });
      else if (!slot.kinds.includes(asset.kind)) {
        problems.push({
          field: `${slot.path}.media`,
          message: `Cần ${slot.kinds.map((k) => KIND_NAMES[k]).join(' hoặc ')}; tệp này là ${KIND_NAMES[asset.kind]}.`,
        });
      } else slot.ref.url = publicMediaPath(asset.id);
    }
  }
  if (type === 'legal_document' && typeof fields.replacedBy === 'string') {
    const laterId = fields.replacedBy;
    if (laterId === itemId) problems.push({ field: 'fields.replacedBy', message: 'Văn bản không thể thay thế chính nó.' });
    else {
      const later = await m.getRepository(ContentItem).findOneBy({ tenantId, id: laterId });
      if (later?.type !== 'legal_document')
        problems.push({ field: 'fields.replacedBy', message: `Không có văn bản pháp luật ${laterId} trong tỉnh này.` });
    }
  }
  return problems;
}
