import { TenantOwnedEntity } from '@cong/platform-database';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A draft document open for comments between two days (lấy ý kiến dự thảo văn bản). */
@Entity('citizens_consultation')
export class Consultation extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) siteId!: string;
  /** The drafting agency: the unit of the item that carries the draft. */
  @Column({ type: 'uuid' }) unitId!: string;
  /** The published item that carries the draft and its file. */
  @Column({ type: 'uuid' }) documentItemId!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text', nullable: true }) summary!: string | null;
  /** The draft's articles ("Điều 1. Phạm vi điều chỉnh"), which comments may name; empty: comments on the whole draft only. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) articles!: string[];
  /** The province's days, both included. */
  @Column({ type: 'date' }) opensOn!: string;
  @Column({ type: 'date' }) closesOn!: string;
  @Column({ type: 'timestamptz', nullable: true }) withdrawnAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) contactsErasedAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

export const COMMENT_STATUSES = ['pending', 'published', 'rejected'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];
export const COMMENT_STATUS_LABELS: Record<CommentStatus, string> = {
  pending: 'Chờ duyệt',
  published: 'Đã công bố',
  rejected: 'Không công bố',
};

/** A citizen's or an organisation's comment; public once a moderator publishes it. */
@Entity('citizens_consultation_comment')
export class ConsultationComment extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) consultationId!: string;
  /** The article's index in the consultation's list; null: the draft as a whole. */
  @Column({ type: 'integer', nullable: true }) article!: number | null;
  @Column({ type: 'text', nullable: true }) authorName!: string | null;
  @Column({ type: 'text', nullable: true }) organisation!: string | null;
  /** Never public; erased after the retention period. */
  @Column({ type: 'text', nullable: true }) email!: string | null;
  @Column({ type: 'text' }) body!: string;
  @Column({ type: 'text' }) status!: CommentStatus;
  @Column({ type: 'text', nullable: true }) moderationReason!: string | null;
  @Column({ type: 'text', nullable: true }) moderatedBy!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) moderatedAt!: Date | null;
  @Column({ type: 'timestamptz' }) submittedAt!: Date;
}
