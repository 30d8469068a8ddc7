import { ApiProperty } from '@nestjs/swagger';
import { Notification } from '../notification.entity';

/** One of my notifications (no province or recipient columns: it is the caller's). */
export class NotificationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'workflow.submitted', description: '`<lib>.<event>`' }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ nullable: true, type: String, example: 'content_item', description: 'What it is about' }) subjectType!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) subjectId!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'null while unread' }) readAt!: Date | null;

  static from(n: Notification): NotificationResponse {
    return {
      id: n.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      subjectType: n.subjectType,
      subjectId: n.subjectId,
      createdAt: n.createdAt,
      readAt: n.readAt,
    };
  }
}

export class InboxResponse {
  @ApiProperty({ description: 'All my unread notifications (not only this page)' }) unread!: number;
  @ApiProperty({ type: [NotificationResponse] }) items!: NotificationResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'For the next page; null on the last' }) nextCursor!: string | null;
}
