import { Injectable, Optional } from '@nestjs/common';
import { PublicResponseCache } from '@cong/platform-cache';
import { AuditLog } from '@cong/platform-audit';
import { TenantDatabase } from '@cong/platform-database';
import { DomainError } from '@cong/platform-errors';
import { EntityManager } from 'typeorm';
import { ContentErrors } from '../items/content.errors';
import { ContentItem, ContentStatus } from '../items/content-item.entity';

export interface PublishingActor {
  id: string | null;
  label: string;
}

/** Told when what the public may see has changed (the public read cache listens). */
export type PublicationListener = (tenantId: string, item: ContentItem) => Promise<void>;

/**
 * Status and publication time, set only through here. The workflow engine decides when (its
 * transitions); this records it, audits it and tells the public read side.
 */
@Injectable()
export class ContentPublisher {
  private readonly listeners: PublicationListener[] = [];

  constructor(
    private readonly db: TenantDatabase,
    private readonly audit: AuditLog,
    @Optional() cache?: PublicResponseCache,
  ) {
    // What the public sees changed: that province's cached public responses go.
    if (cache) this.onChange((tenantId) => cache.invalidate(tenantId));
  }

  onChange(listener: PublicationListener): void {
    this.listeners.push(listener);
  }

  /** Publishes now, or at `at` (a scheduled publication that fired late keeps its planned time). */
  publish(actor: PublishingActor, tenantId: string, id: string, at: Date = new Date()): Promise<ContentItem> {
    return this.change(tenantId, id, async (m, item) => {
      await m.getRepository(ContentItem).update({ tenantId, id }, { status: 'published', publishedAt: at, withdrawnReason: null });
      await this.audit.record(m, { tenantId, action: 'content.published', subjectType: 'content_item', subjectId: id, details: { title: item.title, revision: item.revision, at: at.toISOString() }, actor });
      return { ...item, status: 'published', publishedAt: at, withdrawnReason: null };
    });
  }

  /** Takes an item off the public site (LC-3.3), with the reason kept. */
  withdraw(actor: PublishingActor, tenantId: string, id: string, reason: string): Promise<ContentItem> {
    if (!reason || reason.trim().length < 3) {
      throw new DomainError('CONTENT_REASON_REQUIRED', 'validation', 'Cần ghi lý do gỡ tin bài.', [{ field: 'reason', message: 'at least 3 characters' }]);
    }
    return this.setStatus(actor, tenantId, id, 'withdrawn', reason.trim());
  }

  archive(actor: PublishingActor, tenantId: string, id: string): Promise<ContentItem> {
    return this.setStatus(actor, tenantId, id, 'archived', null);
  }

  /** Moves an unpublished item between workflow phases (draft, in review, scheduled). */
  setWorkingStatus(tenantId: string, id: string, status: Extract<ContentStatus, 'draft' | 'in_review' | 'scheduled'>): Promise<ContentItem> {
    return this.change(tenantId, id, async (m, item) => {
      await m.getRepository(ContentItem).update({ tenantId, id }, { status });
      return { ...item, status };
    });
  }

  private setStatus(actor: PublishingActor, tenantId: string, id: string, status: 'withdrawn' | 'archived', reason: string | null): Promise<ContentItem> {
    return this.change(tenantId, id, async (m, item) => {
      await m.getRepository(ContentItem).update({ tenantId, id }, { status, withdrawnReason: reason });
      if (status === 'withdrawn') {
        await this.audit.record(m, { tenantId, action: 'content.withdrawn', subjectType: 'content_item', subjectId: id, details: { title: item.title, reason }, actor });
      }
      return { ...item, status, withdrawnReason: reason };
    });
  }

  private async change(tenantId: string, id: string, work: (m: EntityManager, item: ContentItem) => Promise<ContentItem>): Promise<ContentItem> {
    const changed = await this.db.transaction(tenantId, async (m) => {
      const item = /^[0-9a-f-]{36}$/i.test(id)
        ? await m.getRepository(ContentItem).createQueryBuilder('c').where('c.tenant_id = :tenantId AND c.id = :id', { tenantId, id }).setLock('pessimistic_write').getOne()
        : null;
      if (!item) throw ContentErrors.notFound();
      return work(m, item);
    });
    for (const listener of this.listeners) await listener(tenantId, changed);
    return changed;
  }
}
