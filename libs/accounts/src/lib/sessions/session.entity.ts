import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One refresh token. A sign-in starts a family; every refresh replaces the row with a new one in
 * the same family. Presenting a replaced token again means it was stolen: the family is revoked.
 */
@Entity('accounts_session')
export class SessionRecord {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', nullable: true })
  tenantId!: string | null;

  @Column({ type: 'uuid' })
  userId!: string;

  /** The sign-in this token belongs to; what users see as "a session" and what access tokens name. */
  @Column({ type: 'uuid' })
  familyId!: string;

  /** SHA-256 of the token's secret part; the token itself is never stored. */
  @Column({ type: 'text', select: false })
  refreshHash!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  replacedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  revokedReason!: string | null;

  @Column({ type: 'text', nullable: true })
  userAgent!: string | null;

  @Column({ type: 'text', nullable: true })
  ip!: string | null;
}
