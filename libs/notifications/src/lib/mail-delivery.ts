import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { User } from '@cong/accounts';
import { AppConfig } from '@cong/platform-config';
import { TenantDatabase } from '@cong/platform-database';
import { defineJob, HandlesJob, RetryPolicies } from '@cong/platform-queue';
import { createTransport, Transporter } from 'nodemailer';
import { Notification } from './notification.entity';

/** E-mails a notification to its recipient (when SMTP is configured and they have an address). */
export const SendNotificationEmail = defineJob<{ notificationId: string }>(
  'notifications.send-email',
  'notifications',
  RetryPolicies.standard,
);

/**
 * The worker side of e-mail: one job per notification (its id is the idempotency key), so a
 * notification is mailed at most once even if enqueued twice; SMTP failures are retried.
 */
@Injectable()
export class MailDelivery implements OnApplicationShutdown {
  private readonly logger = new Logger(MailDelivery.name);
  private readonly transport: Transporter | null;

  constructor(
    private readonly config: AppConfig,
    private readonly db: TenantDatabase,
  ) {
    this.transport = config.mail.url ? createTransport(config.mail.url) : null;
  }

  @HandlesJob(SendNotificationEmail)
  async send(data: { notificationId: string }, job: { data: { tenantId: string | null } }): Promise<string> {
    const tenantId = job.data.tenantId;
    if (!this.transport || !tenantId) return 'no-smtp';
    const found = await this.db.transaction(tenantId, async (m) => {
      const notification = await m.getRepository(Notification).findOneBy({ tenantId, id: data.notificationId });
      const user = notification ? await m.getRepository(User).findOneBy({ tenantId, id: notification.userId }) : null;
      return notification && user?.email && user.status === 'active' ? { notification, to: user.email, name: user.displayName } : null;
    });
    if (!found) return 'no-recipient';
    await this.transport.sendMail({
      from: this.config.mail.from,
      to: { name: found.name, address: found.to },
      subject: found.notification.title,
      text: found.notification.body || found.notification.title,
      headers: { 'X-Cong-Notification': found.notification.id },
    });
    this.logger.log({ notificationId: found.notification.id }, 'Notification e-mailed');
    return 'sent';
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
