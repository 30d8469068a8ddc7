import { TenantOwnedEntity } from '@cong/platform-database';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { PeriodResults } from '../progress/compliance-evaluation';

/**
 * A closed period's results, as computed when it closed: immutable (append-only), one per province,
 * period kind and start. Reports read these, so what a unit was told it scored never changes.
 */
@Entity('compliance_period_snapshot')
export class PeriodSnapshot extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) periodKind!: string;
  @Column({ type: 'date' }) periodStart!: string;
  @Column({ type: 'date' }) periodEnd!: string;
  @Column({ type: 'integer', array: true }) ruleVersions!: number[];
  @Column({ type: 'jsonb' }) results!: PeriodResults;
  /** `scheduled` (the period-close job) or who asked. */
  @Column({ type: 'text' }) computedBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) computedAt!: Date;
}
