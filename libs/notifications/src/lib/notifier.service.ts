import { Injectable } from '@nestjs/common';
import { roleHolders } from '@cong/accounts';
import { JobQueue } from '@cong/platform-queue';
import { EntityManager } from 'typeorm';
import { SendNotificationEmail } from './mail-delivery';
import { Notification } from './notification.entity';

export interface NewNotification {
  kind: string;
  title: string;
  body?: string;
  subject?: { type: string; id: string };
}

/**
 * Tells people things. `notify` writes in-app notifications inside the caller's transaction (they
 * exist exactly when what they announce does); `mail` then queues their e-mails, after it committed.
 */
@Injectable()
export class Notifier {
  constructor(private readonly queue: JobQueue) {}

  async notify(m: EntityManager, tenantId: string, userIds: Iterable<string>, n: NewNotification): Promise<Notification[]> {
    const unique = [...new Set(userIds)];
    if (unique.length === 0) return [];
    const repo = m.getRepository(Notification);
    return repo.save(
      unique.map((userId) =>
        repo.create({
          tenantId,
          userId,
          kind: n.kind,
          title: n.title,
          body: n.body ?? '',
          subjectType: n.subject?.type ?? null,
          subjectId: n.subject?.id ?? null,
          readAt: null,
        }),
      ),
    );
  }

  /** Queues the e-mails of notifications already committed (the worker sends them when SMTP is set). */
  async mail(notifications: Notification[]): Promise<void> {
    for (const n of notifications) {
      await this.queue.enqueue(SendNotificationEmail, { tenantId: n.tenantId, idempotencyKey: n.id, data: { notificationId: n.id } });
    }
  }

  /**
   * Active people holding one of `roles` for a unit: province-wide, or for the unit or a unit above
   * it (`lineage`, nearest first).
   */
  holders(m: EntityManager, tenantId: string, roles: string[], lineage: string[]): Promise<string[]> {
    return roleHolders(m, tenantId, roles, lineage);
  }
}
