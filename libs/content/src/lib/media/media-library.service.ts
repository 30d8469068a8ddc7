import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { TenantDatabase } from '@cong/platform-database';
import { EntityManager, In } from 'typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { MediaAsset, MediaVariant } from './media-asset.entity';
import { MediaStorage } from './media-storage';
import { checkUpload, imageSize, MediaErrors, reencodeImage } from './upload-checks';

export const IMAGE_WIDTHS = [320, 640, 1280];

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
    const accepted = checkUpload(filename, bytes);

    const id = randomUUID();
    const base = `${tenantId}/${id}`;
    let width: number | null = null;
    let height: number | null = null;
    const variants: MediaVariant[] = [];
    if (accepted.kind === 'image') {
      ({ width, height } = await imageSize(bytes));
      for (const w of IMAGE_WIDTHS.filter((x) => !width || x < width).concat(
        width && width <= IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1] ? [width] : [],
      )) {
        const { data, info } = await reencodeImage(bytes, w);
        const key = `${base}/w${info.width}.webp`;
        await this.storage.put(key, data);
        variants.push({ width: info.width, height: info.height, key, mime: 'image/webp', size: data.length });
      }
    }
    const storageKey = `${base}/original.${accepted.ext}`;
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

  /** The assets of `ids` that exist, read in the caller's transaction (for features that attach uploads). */
  assets(m: EntityManager, tenantId: string, ids: readonly string[]): Promise<MediaAsset[]> {
    return ids.length ? m.getRepository(MediaAsset).findBy({ tenantId, id: In([...ids]) }) : Promise.resolve([]);
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
