import { Column } from 'typeorm';

/**
 * Base for entities a province owns. `tenant_id` is never null and belongs in every unique and
 * foreign key (Citus co-location); the table needs `isolateTenantTable` in its migration.
 */
export abstract class TenantOwnedEntity {
  @Column({ type: 'uuid' })
  tenantId!: string;
}
