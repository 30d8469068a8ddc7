import { TenantOwnedEntity } from '@cong/platform-database';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What an author earned for one approved and published portal contribution (LC-3.1c): fixed when
 * it was published, from the rule version it went through. One per item; append-only.
 */
@Entity('compliance_royalty_entitlement')
export class RoyaltyEntitlement extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) itemId!: string;
  /** The author (who created the item); null if that account is gone. */
  @Column({ type: 'uuid', nullable: true }) authorId!: string | null;
  @Column({ type: 'uuid' }) unitId!: string;
  @Column({ type: 'text' }) channel!: string;
  @Column({ type: 'text' }) genre!: string;
  @Column({ type: 'numeric', precision: 6, scale: 2, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  points!: number;
  @Column({ type: 'integer' }) unitValue!: number;
  @Column({ type: 'text', nullable: true }) unitValueBasis!: string | null;
  @Column({ type: 'numeric', precision: 4, scale: 3, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  share!: number;
  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) amount!: number;
  @Column({ type: 'text' }) currency!: string;
  /** The publication day in the province (the unit value in force then applies). */
  @Column({ type: 'date' }) publishedOn!: string;
  @Column({ type: 'integer' }) ruleVersion!: number;
  /** Who approved it (the board member). */
  @Column({ type: 'text' }) approvedBy!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
