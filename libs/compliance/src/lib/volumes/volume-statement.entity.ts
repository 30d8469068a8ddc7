import { TenantOwnedEntity } from '@cong/platform-database';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export interface VolumeLine {
  unit: string;
  unitName: string;
  type: string;
  count: number;
  /** The items counted, so the IT centre can check any line. */
  itemIds: string[];
}

/**
 * NA-10.1: what each unit provided, per content type, over a period, as certified by the IT centre —
 * the basis for settlement. Append-only: once certified it never changes; a correction is a new
 * statement that names the one it corrects.
 */
@Entity('compliance_volume_statement')
export class VolumeStatement extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) periodKind!: string;
  @Column({ type: 'date' }) periodStart!: string;
  @Column({ type: 'date' }) periodEnd!: string;
  @Column({ type: 'jsonb' }) lines!: VolumeLine[];
  @Column({ type: 'integer' }) total!: number;
  @Column({ type: 'integer' }) ruleVersion!: number;
  @Column({ type: 'uuid', nullable: true }) correctsId!: string | null;
  /** Why a correction was made (required for one). */
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ type: 'uuid', nullable: true }) certifiedById!: string | null;
  @Column({ type: 'text' }) certifiedBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) certifiedAt!: Date;
}
