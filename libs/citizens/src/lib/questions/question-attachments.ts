import { Injectable } from '@nestjs/common';
import { CheckedUpload, checkUpload, CITIZEN_IMAGE_PIXELS, imageSize, MediaStorage, MiB, reencodeImage } from '@cong/content';
import { DomainError } from '@cong/platform-errors';
import { createHash, randomUUID } from 'node:crypto';
import { QuestionAttachment } from './question.entity';

/** The largest file a question may carry, whatever its kind. */
export const QUESTION_ATTACHMENT_MAX_BYTES = 10 * MiB;
/** Wider images are drawn again at this width: still enough to read a photographed page. */
const IMAGE_MAX_WIDTH = 2560;

/** A file as the form sent it. */
export interface SentAttachment {
  filename: string;
  bytes: Buffer;
}

/**
 * The one file a question may carry: checked like content's uploads (its bytes must be what its
 * name says, within the size limit), images drawn again as WebP so their metadata (GPS included)
 * is left behind, and kept apart from content's media library: it is personal data, served only
 * at the desk, and erased with the asker's contacts.
 */
@Injectable()
export class QuestionAttachments {
  constructor(private readonly storage: MediaStorage) {}

  /** Checks a sent file before anything is spent on it; a refusal names the `attachment` field. */
  check(sent: SentAttachment): CheckedUpload {
    try {
      return checkUpload(sent.filename, sent.bytes, QUESTION_ATTACHMENT_MAX_BYTES);
    } catch (error) {
      throw asFieldError(error);
    }
  }

  /** Stores a checked file under a fresh key of the province; returns what the question keeps. */
  async store(tenantId: string, checked: CheckedUpload, sent: SentAttachment): Promise<QuestionAttachment> {
    let { bytes, mime, ext } = { bytes: sent.bytes, mime: checked.mime, ext: checked.ext };
    if (checked.kind === 'image') {
      const { width } = await imageSize(sent.bytes, CITIZEN_IMAGE_PIXELS).catch((error) => {
        throw asFieldError(error);
      });
      bytes = (await reencodeImage(sent.bytes, Math.min(width ?? IMAGE_MAX_WIDTH, IMAGE_MAX_WIDTH), CITIZEN_IMAGE_PIXELS)).data;
      mime = 'image/webp';
      ext = 'webp';
    }
    const storageKey = `${tenantId}/questions/${randomUUID()}.${ext}`;
    await this.storage.put(storageKey, bytes);
    return {
      filename: `${baseName(sent.filename)}.${ext}`,
      mime,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      storageKey,
    };
  }

  /** The bytes, for the desk; null when they are no longer stored. */
  async bytesOf(attachment: QuestionAttachment): Promise<Buffer | null> {
    return this.storage.get(attachment.storageKey);
  }

  /** Removes the bytes (a question not saved after all, or its retention run out). */
  discard(storageKey: string): Promise<void> {
    return this.storage.delete(storageKey);
  }
}

/** The name without any folder a browser sent, control or format characters (a right-to-left mark disguising `.exe`), or its extension; never empty. */
function baseName(filename: string): string {
  const last = filename.split(/[\\/]/).pop() ?? '';
  const printable = last.replace(/[\p{Cc}\p{Cf}]/gu, '');
  const clean = printable.replace(/\.[a-z0-9]{2,5}$/i, '').trim();
  return (clean || 'tep-dinh-kem').slice(0, 150);
}

function asFieldError(error: unknown): unknown {
  if (!(error instanceof DomainError)) return error;
  return new DomainError(error.code, error.kind, error.message, [{ field: 'attachment', message: error.message }]);
}
