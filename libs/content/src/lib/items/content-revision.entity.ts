import { TenantOwnedEntity } from '@cong/platform-database';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Every save, immutable (append-only table): who saved what, when. */
@Entity('content_revision')
export class ContentRevision extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) itemId!: string;
  @Column({ type: 'integer' }) revision!: number;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) slug!: string;
  @Column({ type: 'text', nullable: true }) summary!: string | null;
  @Column({ type: 'text' }) bodyHtml!: string;
  @Column({ type: 'jsonb' }) fields!: Record<string, unknown>;
  @Column({ type: 'uuid', nullable: true }) sectionId!: string | null;
  @Column({ type: 'uuid', nullable: true }) authorId!: string | null;
  @Column({ type: 'text' }) authorLabel!: string;
  /** Set when this revision restored an earlier one. */
  @Column({ type: 'integer', nullable: true }) restoredFrom!: number | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
