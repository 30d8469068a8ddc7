import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@cong/platform-config';
import { DomainError } from '@cong/platform-errors';
import { createCommandConnection } from '@cong/platform-queue';
import type IORedis from 'ioredis';
import { randomBytes } from 'node:crypto';

/** How long a preview can be opened: long enough to read it, short enough that a copied link dies. */
export const PREVIEW_TTL_SECONDS = 15 * 60;

/** A rendered preview: the page, its policy, and the uploads it may show (no other). */
export interface StoredPreview {
  tenantId: string;
  html: string;
  csp: string;
  media: string[];
}

/** A preview's address segment: 32 random bytes, so knowing it is the only way in. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Rendered previews in Redis, under an unguessable token, for PREVIEW_TTL_SECONDS. Redis, not the
 * process: the console's frame may reach another API instance than the one that rendered it.
 */
@Injectable()
export class PreviewStore implements OnApplicationShutdown {
  private readonly logger = new Logger('PreviewStore');
  private readonly redis: IORedis;
  private readonly prefix: string;

  constructor(config: AppConfig) {
    this.redis = createCommandConnection(config.redis.url, 'previews');
    this.prefix = `${config.redis.prefix}:preview`;
  }

  newToken(): string {
    return randomBytes(32).toString('base64url');
  }

  /** The page and its uploads, kept apart: a photo of the page is looked up without reading the page. */
  put(token: string, preview: StoredPreview): Promise<void> {
    const { tenantId, html, csp, media } = preview;
    return this.call('Chưa xem trước được', async () => {
      await this.redis
        .multi()
        .set(this.key(token, 'page'), JSON.stringify({ html, csp }), 'EX', PREVIEW_TTL_SECONDS)
        .set(this.key(token, 'media'), JSON.stringify({ tenantId, media }), 'EX', PREVIEW_TTL_SECONDS)
        .exec();
    });
  }

  /** The page, or undefined when the token is malformed, unknown or expired. */
  page(token: string): Promise<Pick<StoredPreview, 'html' | 'csp'> | undefined> {
    return this.read(token, 'page');
  }

  /** The province and the uploads the preview may show, or undefined as for `page`. */
  uploads(token: string): Promise<Pick<StoredPreview, 'tenantId' | 'media'> | undefined> {
    return this.read(token, 'media');
  }

  private async read<T>(token: string, part: 'page' | 'media'): Promise<T | undefined> {
    if (!TOKEN.test(token)) return undefined;
    const json = await this.call('Chưa mở được bản xem trước', () => this.redis.get(this.key(token, part)));
    return json ? (JSON.parse(json) as T) : undefined;
  }

  private key(token: string, part: 'page' | 'media'): string {
    return `${this.prefix}:${token}:${part}`;
  }

  /** Redis away: a 503 in the officials' words, never a 500. */
  private async call<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      this.logger.warn({ err: error }, `${what}: Redis`);
      throw new DomainError('PORTAL_PREVIEW_UNAVAILABLE', 'unavailable', `${what} (hệ thống đang bận). Xin thử lại sau ít phút.`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
