import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { TenantDomain } from './tenant-domain.entity';

export type TenantStatus = 'active' | 'suspended' | 'archived';

/** A province (tỉnh). Owns everything else; its rules live in rule files, not here. */
@Entity('tenancy_tenant')
export class Tenant {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stable, URL-safe: `lao-cai`, `nghe-an`; also the folder name under `tenants/`. */
  @Column({ type: 'text', unique: true })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  /** IANA zone in which the province's days, weeks and deadlines are counted. */
  @Column({ type: 'text' })
  timezone!: string;

  @Column({ type: 'text' })
  status!: TenantStatus;

  @OneToMany(() => TenantDomain, (d) => d.tenant)
  domains?: TenantDomain[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
