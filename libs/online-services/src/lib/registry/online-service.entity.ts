import { TenantOwnedEntity } from '@cong/platform-database';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * Where a service of the registry stands (LC-2.1.3):
 * - `registered`: a unit registered it; the editorial council (or the IT centre) has not decided;
 * - `active`: offered online, shown on the unit's sub-site and beside its procedure;
 * - `suspended`: offered no more for now (a reason is kept); `retired`: ended for good;
 * - `declined`: the council did not accept the registration (a reason is kept).
 */
export const ONLINE_SERVICE_STATUSES = ['registered', 'active', 'suspended', 'retired', 'declined'] as const;
export type OnlineServiceStatus = (typeof ONLINE_SERVICE_STATUSES)[number];

/** How much of the procedure is done online (Decree 42/2022/NĐ-CP): all of it, or a part (the dossier sent, the result fetched in person). */
export const ONLINE_SERVICE_LEVELS = ['full', 'partial'] as const;
export type OnlineServiceLevel = (typeof ONLINE_SERVICE_LEVELS)[number];

/** A public service a unit offers online, in the province's registry (LC-2.1.3; NA-8.5 proposals become these). */
@Entity('online_services_service')
export class OnlineService extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** The unit that provides it (its head and editors keep the registration). */
  @Column({ type: 'uuid' }) unitId!: string;
  @Column({ type: 'text' }) name!: string;
  /** Its code on the National Public Service Portal (Cổng Dịch vụ công quốc gia), once it has one. */
  @Column({ type: 'text', nullable: true }) code!: string | null;
  @Column({ type: 'text' }) level!: OnlineServiceLevel;
  /** Where citizens use it (the National or the provincial public service portal); required once active. */
  @Column({ type: 'text', nullable: true }) url!: string | null;
  /** The administrative procedure item (content type `procedure`) it serves: its page links here. */
  @Column({ type: 'uuid', nullable: true }) procedureItemId!: string | null;
  /** The unit's proposal (online_services_request, kind `proposal`) it came from. */
  @Column({ type: 'uuid', nullable: true }) requestId!: string | null;
  @Column({ type: 'text' }) status!: OnlineServiceStatus;
  /** Why it was declined, suspended or retired (the last decision's reason). */
  @Column({ type: 'text', nullable: true }) statusNote!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) decidedBy!: string | null;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @Column({ type: 'text' }) createdByLabel!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
