import { Injectable } from '@nestjs/common';
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
  async holders(m: EntityManager, tenantId: string, roles: string[], lineage: string[]): Promise<string[]> {
    if (roles.length === 0) return [];
    const rows: { user_id: string }[] = await m.query(
      `SELECT DISTINCT ms.user_id FROM accounts_membership ms JOIN accounts_user u ON u.tenant_id = ms.tenant_id AND u.id = ms.user_id
       WHERE ms.tenant_id = $1 AND ms.role = ANY($2::text[]) AND (ms.unit_id IS NULL OR ms.unit_id = ANY($3::uuid[])) AND u.status = 'active'`,
      [tenantId, roles, lineage],
    );
    return rows.map((r) => r.user_id);
  }
}
