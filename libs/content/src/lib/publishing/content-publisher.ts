import { Injectable, Optional } from '@nestjs/common';
import { PublicResponseCache } from '@cong/platform-cache';
import { AuditLog } from '@cong/platform-audit';
import { DomainError } from '@cong/platform-errors';
import { EntityManager } from 'typeorm';
import { ContentItem, ContentStatus } from '../items/content-item.entity';

export interface PublishingActor {
  id: string | null;
  label: string;
}

export interface StatusChange {
  status: ContentStatus;
  /** Publication time (default now). */
  at?: Date;
  /** Why it was withdrawn (required then, at least 3 characters). */
  reason?: string;
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
    private readonly audit: AuditLog,
    @Optional() cache?: PublicResponseCache,
  ) {
    // What the public sees changed: that province's cached public responses go.
    if (cache) this.onChange((tenantId) => cache.invalidate(tenantId));
  }

  onChange(listener: PublicationListener): void {
    this.listeners.push(listener);
  }

  /**
   * Records a status change inside the caller's transaction (the workflow's step), audited. The
   * caller calls `changed` once it committed, so the public side never drops its cache before the
   * change is visible.
   */
  async record(m: EntityManager, actor: PublishingActor, tenantId: string, item: ContentItem, change: StatusChange): Promise<ContentItem> {
    const { status } = change;
    const next: Pick<Partial<ContentItem>, 'status' | 'publishedAt' | 'withdrawnReason'> = { status };
    if (status === 'published') {
      next.publishedAt = change.at ?? new Date();
      next.withdrawnReason = null;
    } else if (status === 'withdrawn') {
      next.withdrawnReason = checkedReason(change.reason);
    } else if (status === 'archived') {
      next.withdrawnReason = item.withdrawnReason;
    } else {
      next.withdrawnReason = null;
    }
    await m.getRepository(ContentItem).update({ tenantId, id: item.id }, next);
    if (status === 'published') {
      await this.audit.record(m, {
        tenantId,
        action: 'content.published',
        subjectType: 'content_item',
        subjectId: item.id,
        details: { title: item.title, unitId: item.unitId, revision: item.revision, at: next.publishedAt!.toISOString() },
        actor,
      });
    } else if (status === 'withdrawn') {
      await this.audit.record(m, {
        tenantId,
        action: 'content.withdrawn',
        subjectType: 'content_item',
        subjectId: item.id,
        details: { title: item.title, unitId: item.unitId, reason: next.withdrawnReason },
        actor,
      });
    }
    return { ...item, ...next };
  }

  /** Tells the public read side (and other listeners) that what the public may see changed. */
  async changed(tenantId: string, item: ContentItem): Promise<void> {
    for (const listener of this.listeners) await listener(tenantId, item);
  }
}

/** A withdrawal's reason, trimmed: at least 3 characters. */
function checkedReason(reason: string | undefined): string {
  if (!reason || reason.trim().length < 3) {
    throw new DomainError('CONTENT_REASON_REQUIRED', 'validation', 'Cần ghi lý do gỡ tin bài.', [
      { field: 'reason', message: 'Cần ít nhất 3 ký tự.' },
    ]);
  }
  return reason.trim();
}
