import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One thing that happened, who did it and to what. Append-only: a trigger refuses UPDATE and DELETE. */
@Entity('audit_entry')
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The province concerned; null for platform events (a national operator signing in). */
  @Column({ type: 'uuid', nullable: true })
  tenantId!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;

  /** One of AUDIT_ACTIONS, e.g. `auth.sign_in_failed`. */
  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  /** Who acted as people read it: a username, `cli:root`, `anonymous`. */
  @Column({ type: 'text' })
  actorLabel!: string;

  /** What the action was done to: `user`, `unit`, `membership`, `rule_version`, `content_item`. */
  @Column({ type: 'text', nullable: true })
  subjectType!: string | null;

  @Column({ type: 'text', nullable: true })
  subjectId!: string | null;

  /** Facts worth keeping (never secrets): the username tried, the role granted, the version applied. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  details!: Record<string, unknown>;

  @Column({ type: 'text', nullable: true })
  requestId!: string | null;

  @Column({ type: 'text', nullable: true })
  ip!: string | null;
}
