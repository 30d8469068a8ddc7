import { TenantOwnedEntity } from '@cong/platform-database';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type MediaKind = 'image' | 'pdf' | 'word' | 'excel';

export interface MediaVariant {
  width: number;
  height: number;
  key: string;
  mime: string;
  size: number;
}

@Entity('media_asset')
export class MediaAsset extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) kind!: MediaKind;
  @Column({ type: 'text' }) filename!: string;
  @Column({ type: 'text' }) mime!: string;
  @Column({ type: 'integer' }) size!: number;
  @Column({ type: 'text' }) sha256!: string;
  @Column({ type: 'text' }) storageKey!: string;
  @Column({ type: 'integer', nullable: true }) width!: number | null;
  @Column({ type: 'integer', nullable: true }) height!: number | null;
  /** Resized copies of an image (WebP), smallest first. */
  @Column({ type: 'jsonb', default: () => "'[]'" }) variants!: MediaVariant[];
  @Column({ type: 'uuid', nullable: true }) uploadedBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
