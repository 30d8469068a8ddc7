import { TenantOwnedEntity } from '@cong/platform-database';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const CONTENT_STATUSES = ['draft', 'in_review', 'scheduled', 'published', 'withdrawn', 'archived'] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];

/** An item as it stands: the fields of its latest revision, its status and publication time. */
@Entity('content_item')
export class ContentItem extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) siteId!: string;
  @Column({ type: 'uuid' }) unitId!: string;
  @Column({ type: 'uuid', nullable: true }) sectionId!: string | null;
  @Column({ type: 'text' }) type!: string;
  /** `subsite`: the unit's own pages; `portal`: proposed to the provincial portal. */
  @Column({ type: 'text' }) channel!: 'subsite' | 'portal';
  @Column({ type: 'text' }) slug!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text', nullable: true }) summary!: string | null;
  /** Sanitised on the way in; safe to render. */
  @Column({ type: 'text', default: '' }) bodyHtml!: string;
  /** The type's structured fields (a procedure's steps, a legal document's dates, …). */
  @Column({ type: 'jsonb', default: () => "'{}'" }) fields!: Record<string, unknown>;
  @Column({ type: 'text', default: 'draft' }) status!: ContentStatus;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) withdrawnReason!: string | null;
  /** "Tin nổi bật": shown at the top of its site's home page (placement, not content: no revision). */
  @Column({ type: 'boolean', default: false }) featured!: boolean;
  /** The latest revision's number; a save names the one it started from (optimistic concurrency). */
  @Column({ type: 'integer', default: 1 }) revision!: number;
  /** Bumped by every save and every workflow step: a workflow action names the version it saw. */
  @Column({ type: 'integer', default: 1 }) version!: number;
  /** The workflow (and rule version) the item is going through, and its state there. */
  @Column({ type: 'text', nullable: true }) workflowId!: string | null;
  @Column({ type: 'text', nullable: true }) workflowState!: string | null;
  @Column({ type: 'integer', nullable: true }) workflowRuleVersion!: number | null;
  /** Scheduled publication, and the end of an embargo (taken down then). */
  @Column({ type: 'timestamptz', nullable: true }) publishAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) unpublishAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
