import { Module } from '@nestjs/common';
import { TenancyModule } from '@cong/tenancy';
import { MailDelivery } from './mail-delivery';
import { NotificationsController } from './notifications.controller';
import { Notifier } from './notifier.service';

@Module({
  imports: [TenancyModule],
  controllers: [NotificationsController],
  providers: [Notifier, MailDelivery],
  exports: [Notifier],
})
export class NotificationsModule {}
