import { TenantOwnedEntity } from '@cong/platform-database';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** The profile of NA-5.1, as stored (validated by the API before it gets here). */
export interface UnitProfileData {
  functions?: string;
  duties?: string;
  address?: string;
  phone?: string;
  email?: string;
  website?: string;
  leaders?: { name: string; title: string; phone?: string; email?: string }[];
  divisions?: { name: string; phone?: string; handlesCitizens?: boolean; duties?: string }[];
  fieldsOfActivity?: string[];
}

/** A unit (đơn vị) of a province: a department, a district, a newspaper, … (NA-3, LC-1.1). */
@Entity('units_unit')
export class Unit extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stable code from units.yaml: `so-y-te`, `tp-lao-cai`; rules name units by it. */
  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  /** One of the unit kinds the province's rules declare. */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  /** NA-5.1: functions, duties, address, contacts of leaders and divisions, fields of activity. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  profile!: UnitProfileData;

  /** Who keeps the unit: the rule files (`cong tenants apply`) or the API. */
  @Column({ type: 'text', default: 'rules' })
  managedBy!: 'rules' | 'api';

  /** NA-8.1, LC-3.1a: the leader who heads the unit's information team (holds unit_head there). */
  @Column({ type: 'uuid', nullable: true })
  teamLeaderId!: string | null;

  /** False once the unit left the province's unit tree; kept for history, never deleted. */
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
