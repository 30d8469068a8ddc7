import { TenantOwnedEntity } from '@cong/platform-database';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type SiteKind = 'portal' | 'subsite';

/** The province's portal, or a unit's sub-site (chuyên trang, LC-1.1) under it at `/<unit code>`. */
@Entity('sites_site')
export class Site extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: SiteKind;

  /** The unit whose sub-site this is; null for the portal. */
  @Column({ type: 'uuid', nullable: true })
  unitId!: string | null;

  /** `/` for the portal, `/so-y-te` for a sub-site. */
  @Column({ type: 'text' })
  path!: string;

  @Column({ type: 'text' })
  title!: string;

  /** A sub-site may also answer on a domain of its own. */
  @Column({ type: 'text', nullable: true })
  domain!: string | null;

  /** False while its unit is deactivated. */
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
