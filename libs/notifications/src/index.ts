import { Notification } from './lib/notification.entity';

export { MailDelivery, SendNotificationEmail } from './lib/mail-delivery';
export { Notification } from './lib/notification.entity';
export { NotificationsModule } from './lib/notifications.module';
export { type NewNotification, Notifier } from './lib/notifier.service';

export const NOTIFICATIONS_ENTITIES = [Notification];
