import { TenantOwnedEntity } from '@cong/platform-database';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A report delivered when its period closed: one per province, report, period kind and start; append-only. */
@Entity('compliance_report_delivery')
export class DeliveredReport extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) reportId!: string;
  @Column({ type: 'text' }) periodKind!: string;
  @Column({ type: 'date' }) periodStart!: string;
  @Column({ type: 'date' }) periodEnd!: string;
  /** The day the report was due (the period's end plus `dueWithinDays`), if the rules set one. */
  @Column({ type: 'date', nullable: true }) dueOn!: string | null;
  /** "Nơi nhận" as the rules named them when it was delivered. */
  @Column({ type: 'text', array: true }) recipients!: string[];
  /** How many accounts were notified. */
  @Column({ type: 'integer' }) notified!: number;
  @Column({ type: 'integer' }) ruleVersion!: number;
  @CreateDateColumn({ type: 'timestamptz' }) deliveredAt!: Date;
}
