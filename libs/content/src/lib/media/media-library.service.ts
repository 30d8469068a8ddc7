import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { TenantDatabase } from '@cong/platform-database';
import { DomainError } from '@cong/platform-errors';
import { filetypeinfo } from 'magic-bytes.js';
import { createHash, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { MediaAsset, MediaKind, MediaVariant } from './media-asset.entity';
import { MediaStorage } from './media-storage';

const MiB = 1024 * 1024;

/** What may be uploaded, by extension: the kind, the size limit, and what the bytes must be. */
const ACCEPTED: Record<string, { kind: MediaKind; mime: string; maxBytes: number; sniffed: string[] }> = {
  jpg: { kind: 'image', mime: 'image/jpeg', maxBytes: 10 * MiB, sniffed: ['jpg'] },
  jpeg: { kind: 'image', mime: 'image/jpeg', maxBytes: 10 * MiB, sniffed: ['jpg'] },
  png: { kind: 'image', mime: 'image/png', maxBytes: 10 * MiB, sniffed: ['png'] },
  webp: { kind: 'image', mime: 'image/webp', maxBytes: 10 * MiB, sniffed: ['webp'] },
  gif: { kind: 'image', mime: 'image/gif', maxBytes: 10 * MiB, sniffed: ['gif'] },
  pdf: { kind: 'pdf', mime: 'application/pdf', maxBytes: 25 * MiB, sniffed: ['pdf'] },
  doc: { kind: 'word', mime: 'application/msword', maxBytes: 20 * MiB, sniffed: ['doc', 'xls', 'ppt', 'msi'] },
  docx: {
    kind: 'word',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    maxBytes: 20 * MiB,
    sniffed: ['docx'],
  },
  xls: { kind: 'excel', mime: 'application/vnd.ms-excel', maxBytes: 20 * MiB, sniffed: ['doc', 'xls', 'ppt', 'msi'] },
  xlsx: { kind: 'excel', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', maxBytes: 20 * MiB, sniffed: ['xlsx'] },
};

/** The largest upload of any kind; the HTTP layer stops reading beyond it. */
export const MAX_UPLOAD_BYTES = Math.max(...Object.values(ACCEPTED).map((a) => a.maxBytes));
export const IMAGE_WIDTHS = [320, 640, 1280];

export const MediaErrors = {
  unsupported: (detail: string) =>
    new DomainError(
      'MEDIA_UNSUPPORTED_TYPE',
      'unsupported_media_type',
      `Không nhận tệp này: ${detail}. Chỉ nhận ảnh (JPG, PNG, WebP, GIF), PDF, Word (DOC, DOCX) và Excel (XLS, XLSX).`,
    ),
  tooLarge: (ext: string, max: number) =>
    new DomainError('MEDIA_TOO_LARGE', 'payload_too_large', `Tệp .${ext} không được lớn hơn ${Math.round(max / MiB)} MB.`),
  empty: () => new DomainError('MEDIA_EMPTY', 'bad_request', 'Tệp tải lên rỗng.'),
  notFound: () => new DomainError('MEDIA_NOT_FOUND', 'not_found', 'Không tìm thấy tệp.'),
};

/**
 * Uploads: the extension says what the file claims to be; its first bytes must agree (a renamed
 * .exe is refused), each kind has its size limit, images are re-encoded into a few widths (which
 * also drops their metadata, GPS included), and bytes go to storage under fresh keys.
 */
@Injectable()
export class MediaLibrary {
  constructor(
    private readonly db: TenantDatabase,
    private readonly storage: MediaStorage,
  ) {}

  async upload(tenantId: string, uploadedBy: string | null, filename: string, bytes: Buffer): Promise<MediaAsset> {
    const ext = /\.([a-z0-9]{2,5})$/i.exec(filename)?.[1]?.toLowerCase() ?? '';
    const accepted = ACCEPTED[ext];
    if (!accepted) throw MediaErrors.unsupported(ext ? `phần mở rộng .${ext}` : 'tệp không có phần mở rộng');
    if (bytes.length === 0) throw MediaErrors.empty();
    if (bytes.length > accepted.maxBytes) throw MediaErrors.tooLarge(ext, accepted.maxBytes);
    const sniffed = filetypeinfo(bytes).map((t) => t.typename);
    if (!sniffed.some((t) => accepted.sniffed.includes(t)) || !officeContentMatches(ext, bytes)) {
      throw MediaErrors.unsupported(`nội dung là ${sniffed[0] ?? 'không xác định'}, không phải .${ext}`);
    }

    const id = randomUUID();
    const base = `${tenantId}/${id}`;
    let width: number | null = null;
    let height: number | null = null;
    const variants: MediaVariant[] = [];
    if (accepted.kind === 'image') {
      const meta = await sharp(bytes)
        .metadata()
        .catch(() => {
          throw MediaErrors.unsupported('ảnh hỏng hoặc không đọc được');
        });
      width = meta.width ?? null;
      height = meta.height ?? null;
      for (const w of IMAGE_WIDTHS.filter((x) => !width || x < width).concat(
        width && width <= IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1] ? [width] : [],
      )) {
        const { data, info } = await sharp(bytes)
          .rotate()
          .resize({ width: w, withoutEnlargement: true })
          .webp({ quality: 82 })
          .toBuffer({ resolveWithObject: true });
        const key = `${base}/w${info.width}.webp`;
        await this.storage.put(key, data);
        variants.push({ width: info.width, height: info.height, key, mime: 'image/webp', size: data.length });
      }
    }
    const storageKey = `${base}/original.${ext}`;
    await this.storage.put(storageKey, bytes);
    return this.db.transaction(tenantId, (m) =>
      m.getRepository(MediaAsset).save(
        m.getRepository(MediaAsset).create({
          id,
          tenantId,
          kind: accepted.kind,
          filename: filename.slice(-255),
          mime: accepted.mime,
          size: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          storageKey,
          width,
          height,
          variants,
          uploadedBy,
        }),
      ),
    );
  }

  get(tenantId: string, id: string): Promise<MediaAsset> {
    return this.db.transaction(tenantId, async (m) => {
      const asset = isUUID(id) ? await m.getRepository(MediaAsset).findOneBy({ tenantId, id }) : null;
      if (!asset) throw MediaErrors.notFound();
      return asset;
    });
  }

  /**
   * For citizens: the file only while a published item points at it (content_public_media, kept by
   * a trigger on content_item); an upload of drafts alone is "not found", like a missing one.
   */
  async publicFile(tenantId: string, id: string, width?: number): Promise<{ mime: string; bytes: Buffer; filename: string }> {
    const published = await this.db.transaction(
      tenantId,
      async (m) =>
        (await m.query(`SELECT 1 FROM content_public_media WHERE tenant_id = $1 AND media_id = $2 LIMIT 1`, [tenantId, id])).length > 0,
    );
    if (!published) throw MediaErrors.notFound();
    return this.file(tenantId, id, width);
  }

  /** The bytes of the original, or of the smallest variant at least `width` wide. */
  async file(tenantId: string, id: string, width?: number): Promise<{ mime: string; bytes: Buffer; filename: string }> {
    const asset = await this.get(tenantId, id);
    const variant = width ? (asset.variants.find((v) => v.width >= width) ?? asset.variants[asset.variants.length - 1]) : undefined;
    const bytes = await this.storage.get(variant?.key ?? asset.storageKey);
    if (!bytes) throw MediaErrors.notFound();
    return { mime: variant?.mime ?? asset.mime, bytes, filename: asset.filename };
  }
}

/** A .docx or .xlsx is a ZIP; the part names inside tell a Word file from a spreadsheet (or an APK). */
function officeContentMatches(ext: string, bytes: Buffer): boolean {
  if (ext !== 'docx' && ext !== 'xlsx') return true;
  const head = bytes.subarray(0, Math.min(bytes.length, 64 * 1024)).toString('latin1');
  return head.includes('[Content_Types].xml') && head.includes(ext === 'docx' ? 'word/' : 'xl/');
}
