import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A slug an item used to have on its site: public reads answer it with a 301 to the current one. */
@Entity('content_slug_redirect')
export class SlugRedirect {
  @PrimaryColumn({ type: 'uuid' }) tenantId!: string;
  @PrimaryColumn({ type: 'uuid' }) siteId!: string;
  @PrimaryColumn({ type: 'text' }) oldSlug!: string;
  @Column({ type: 'uuid' }) itemId!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
