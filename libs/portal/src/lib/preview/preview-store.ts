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

  async put(token: string, preview: StoredPreview): Promise<void> {
    try {
      await this.redis.set(`${this.prefix}:${token}`, JSON.stringify(preview), 'EX', PREVIEW_TTL_SECONDS);
    } catch (error) {
      this.logger.warn({ err: error }, 'Preview not stored');
      throw new DomainError(
        'PORTAL_PREVIEW_UNAVAILABLE',
        'unavailable',
        'Chưa xem trước được (hệ thống đang bận). Xin thử lại sau ít phút.',
      );
    }
  }

  /** The preview, or undefined when the token is malformed, unknown or expired. */
  async get(token: string): Promise<StoredPreview | undefined> {
    if (!TOKEN.test(token)) return undefined;
    try {
      const json = await this.redis.get(`${this.prefix}:${token}`);
      return json ? (JSON.parse(json) as StoredPreview) : undefined;
    } catch (error) {
      this.logger.warn({ err: error }, 'Preview not read');
      throw new DomainError(
        'PORTAL_PREVIEW_UNAVAILABLE',
        'unavailable',
        'Chưa mở được bản xem trước (hệ thống đang bận). Xin thử lại sau ít phút.',
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
