import { TenantOwnedEntity } from '@cong/platform-database';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Something a person should know (an item awaits them, theirs was approved, a unit is behind). */
@Entity('notifications_notification')
export class Notification extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) userId!: string;
  /** `<lib>.<event>`, e.g. `workflow.submitted`. */
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text', default: '' }) body!: string;
  @Column({ type: 'text', nullable: true }) subjectType!: string | null;
  @Column({ type: 'uuid', nullable: true }) subjectId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) readAt!: Date | null;
}
