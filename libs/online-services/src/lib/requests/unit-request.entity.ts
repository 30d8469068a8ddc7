import { UnitRequestKind } from '@cong/rules';
import { TenantOwnedEntity } from '@cong/platform-database';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * Where a request stands:
 * - `sent`: waiting for the handling unit to take it up;
 * - `in_progress`: taken up (and possibly forwarded to another unit);
 * - `answered`: the handling unit's answer is given; `withdrawn`: the sending unit took it back.
 */
export const UNIT_REQUEST_STATUSES = ['sent', 'in_progress', 'answered', 'withdrawn'] as const;
export type UnitRequestStatus = (typeof UNIT_REQUEST_STATUSES)[number];
export const OPEN_REQUEST_STATUSES: readonly UnitRequestStatus[] = ['sent', 'in_progress'];

/** A unit's proposal of a public service to offer online, or its report of a problem met (NA-8.5, LC-2.1.3). */
@Entity('online_services_request')
export class UnitRequest extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) kind!: UnitRequestKind;
  /** Numbered per province, kind and year: `DX-2026-7` (đề xuất), `PA-2026-3` (phản ánh). */
  @Column({ type: 'integer' }) year!: number;
  @Column({ type: 'integer' }) number!: number;
  /** The unit that sends it (its head and editors follow it). */
  @Column({ type: 'uuid' }) unitId!: string;
  /** The unit that answers it; null: the IT centre's accounts (`tenant_admin`) alone. */
  @Column({ type: 'uuid', nullable: true }) handlerUnitId!: string | null;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) description!: string;
  /** Files of the province's media library (uploaded through `/media`), at most five. */
  @Column({ type: 'uuid', array: true }) attachmentIds!: string[];
  @Column({ type: 'text' }) status!: UnitRequestStatus;
  /** The day it was sent, in the province's calendar, and the last day of its answer under the rules then in force. */
  @Column({ type: 'date' }) sentOn!: string;
  @Column({ type: 'date' }) dueOn!: string;
  @Column({ type: 'text', nullable: true }) answer!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) answeredAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

export const REQUEST_ACTIONS = ['sent', 'taken_up', 'forwarded', 'answered', 'withdrawn'] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/** One step of a request's history, with who took it and why. Append-only. */
@Entity('online_services_request_event')
export class UnitRequestEvent extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) requestId!: string;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ type: 'text' }) action!: RequestAction;
  @Column({ type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ type: 'text' }) actorLabel!: string;
  @Column({ type: 'uuid', nullable: true }) fromUnitId!: string | null;
  @Column({ type: 'uuid', nullable: true }) toUnitId!: string | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
}
