import { TenantOwnedEntity } from '@cong/platform-database';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One applied rule set of a province; rows are append-only (a trigger refuses UPDATE and DELETE). */
@Entity('rules_rule_version')
export class RuleVersion extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** 1, 2, 3, … per province. */
  @Column({ type: 'integer' })
  version!: number;

  /** First day (in the province's time zone) these rules govern, `YYYY-MM-DD`. */
  @Column({ type: 'date' })
  effectiveFrom!: string;

  /** SHA-256 of the canonical document: equal checksums, equal rules. */
  @Column({ type: 'text' })
  checksum!: string;

  /** The validated rule set with defaults filled in, as evaluation reads it. */
  @Column({ type: 'jsonb' })
  document!: Record<string, unknown>;

  /** tenant.yaml as written, comments included. */
  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'text' })
  appliedBy!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  appliedAt!: Date;

  @Column({ type: 'text', nullable: true })
  note!: string | null;
}
