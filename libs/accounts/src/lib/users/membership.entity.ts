import { TenantOwnedEntity } from '@cong/platform-database';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Roles a province grants; `national_operator` is not one (it is a user without a province). */
export const TENANT_ROLES = ['tenant_admin', 'editorial_council', 'editorial_board', 'unit_head', 'unit_editor'] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];
/** Roles held for one unit (and, where it makes sense, its sub-units); the others span the province. */
export const UNIT_ROLES: readonly TenantRole[] = ['unit_head', 'unit_editor'];

/** A user holds a role in a province, for one unit or province-wide (`unitId` null). */
@Entity('accounts_membership')
export class Membership extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'uuid', nullable: true })
  unitId!: string | null;

  @Column({ type: 'text' })
  role!: TenantRole;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
