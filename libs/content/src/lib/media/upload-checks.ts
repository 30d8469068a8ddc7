import { DomainError } from '@cong/platform-errors';
import { filetypeinfo } from 'magic-bytes.js';
import sharp from 'sharp';
import type { MediaKind } from './media-asset.entity';

/** A mebibyte, as the size limits are written and said ("10 MB"). */
export const MiB = 1024 * 1024;

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

/** The extensions accepted, as a file input's `accept` wants them (`.jpg,.jpeg,…`). */
export const ACCEPTED_EXTENSIONS = Object.keys(ACCEPTED).map((ext) => `.${ext}`);

/** What the accepted kinds are, in the words the refusals and the forms use. */
export const ACCEPTED_KINDS_TEXT = 'ảnh (JPG, PNG, WebP, GIF), PDF, Word (DOC, DOCX) và Excel (XLS, XLSX)';

export const MediaErrors = {
  unsupported: (detail: string) =>
    new DomainError('MEDIA_UNSUPPORTED_TYPE', 'unsupported_media_type', `Không nhận tệp này: ${detail}. Chỉ nhận ${ACCEPTED_KINDS_TEXT}.`),
  tooLarge: (ext: string, max: number) =>
    new DomainError('MEDIA_TOO_LARGE', 'payload_too_large', `Tệp .${ext} không được lớn hơn ${Math.round(max / MiB)} MB.`),
  empty: () => new DomainError('MEDIA_EMPTY', 'bad_request', 'Tệp tải lên rỗng.'),
  notFound: () => new DomainError('MEDIA_NOT_FOUND', 'not_found', 'Không tìm thấy tệp.'),
};

/** An upload that passed its checks: what it is, by its name and by its bytes. */
export interface CheckedUpload {
  ext: string;
  kind: MediaKind;
  mime: string;
}

/**
 * The checks every upload passes, whoever sends it: the extension says what the file claims to be,
 * its first bytes must agree (a renamed .exe is refused), each kind has its size limit (or the
 * caller's, when smaller). Throws a 415, 413 or 400 in Vietnamese.
 */
export function checkUpload(filename: string, bytes: Buffer, maxBytes = MAX_UPLOAD_BYTES): CheckedUpload {
  const ext = /\.([a-z0-9]{2,5})$/i.exec(filename)?.[1]?.toLowerCase() ?? '';
  const accepted = ACCEPTED[ext];
  if (!accepted) throw MediaErrors.unsupported(ext ? `phần mở rộng .${ext}` : 'tệp không có phần mở rộng');
  if (bytes.length === 0) throw MediaErrors.empty();
  const limit = Math.min(accepted.maxBytes, maxBytes);
  if (bytes.length > limit) throw MediaErrors.tooLarge(ext, limit);
  const sniffed = filetypeinfo(bytes).map((t) => t.typename);
  if (!sniffed.some((t) => accepted.sniffed.includes(t)) || !officeContentMatches(ext, bytes)) {
    throw MediaErrors.unsupported(`nội dung là ${sniffed[0] ?? 'không xác định'}, không phải .${ext}`);
  }
  return { ext, kind: accepted.kind, mime: accepted.mime };
}

/**
 * How many pixels an image may declare before it is decoded: a small file can claim a huge
 * canvas and cost a gigabyte to draw. sharp's own default (268 MP) is for trusted input; citizens'
 * files get `CITIZEN_IMAGE_PIXELS`.
 */
export const STAFF_IMAGE_PIXELS = 268_402_689;
export const CITIZEN_IMAGE_PIXELS = 40_000_000;

/** An image's size, or a 415 when its bytes do not decode or it declares more than `maxPixels`. */
export async function imageSize(bytes: Buffer, maxPixels = STAFF_IMAGE_PIXELS): Promise<{ width: number | null; height: number | null }> {
  const tooLarge = () => MediaErrors.unsupported(`ảnh quá lớn (hơn ${Math.round(maxPixels / 1e6)} triệu điểm ảnh)`);
  // sharp refuses, from the header alone, an image claiming more than the limit.
  const meta = await sharp(bytes, { limitInputPixels: maxPixels })
    .metadata()
    .catch((error: Error) => {
      throw /pixel limit/.test(error.message) ? tooLarge() : MediaErrors.unsupported('ảnh hỏng hoặc không đọc được');
    });
  if ((meta.width ?? 0) * (meta.height ?? 0) > maxPixels) throw tooLarge();
  return { width: meta.width ?? null, height: meta.height ?? null };
}

/**
 * An image drawn again as WebP, turned upright and at most `width` wide: whatever else the file
 * carried (metadata, GPS, a payload after the pixels) is left behind.
 */
export function reencodeImage(
  bytes: Buffer,
  width: number,
  maxPixels = STAFF_IMAGE_PIXELS,
): Promise<{ data: Buffer; info: { width: number; height: number } }> {
  return sharp(bytes, { limitInputPixels: maxPixels })
    .rotate()
    .resize({ width, withoutEnlargement: true })
    .webp({ quality: 82 })
    .toBuffer({ resolveWithObject: true });
}

/** A .docx or .xlsx is a ZIP; the part names inside tell a Word file from a spreadsheet (or an APK). */
function officeContentMatches(ext: string, bytes: Buffer): boolean {
  if (ext !== 'docx' && ext !== 'xlsx') return true;
  const head = bytes.subarray(0, Math.min(bytes.length, 64 * 1024)).toString('latin1');
  return head.includes('[Content_Types].xml') && head.includes(ext === 'docx' ? 'word/' : 'xl/');
}
