import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, Column } from 'typeorm';
import { Tenant } from './tenant.entity';

/** A host name that serves a province's portal (`laocai.gov.vn`). Lower case, no port. */
@Entity('tenancy_tenant_domain')
export class TenantDomain {
  @PrimaryColumn({ type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ type: 'text' })
  domain!: string;

  @Column({ type: 'boolean', default: false })
  isPrimary!: boolean;

  @ManyToOne(() => Tenant, (t) => t.domains, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id' })
  tenant?: Tenant;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
