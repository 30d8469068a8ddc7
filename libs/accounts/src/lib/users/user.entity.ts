import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const USER_STATUSES = ['invited', 'active', 'disabled', 'suspended'] as const;
/** `suspended`: unused past the province's `suspendAfterInactiveDays`, until the IT centre lifts it. */
export type UserStatus = (typeof USER_STATUSES)[number];

/**
 * A personal account (NA-9: never shared). `tenantId` null means a national operator, whose row
 * only the audited operator path can reach.
 */
@Entity('accounts_user')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', nullable: true })
  tenantId!: string | null;

  @Column({ type: 'text' })
  username!: string;

  @Column({ type: 'text' })
  displayName!: string;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  /** argon2id; null until an invited user sets a password. */
  @Column({ type: 'text', nullable: true, select: false })
  passwordHash!: string | null;

  @Column({ type: 'text' })
  status!: UserStatus;

  /** A one-time password was issued: the account may only change its password. */
  @Column({ type: 'boolean', default: false })
  mustChangePassword!: boolean;

  /** NA-9: reported as leaked; no sign-in until a reset. */
  @Column({ type: 'timestamptz', nullable: true })
  passwordExposedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  passwordChangedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;

  /** When the daily job suspended the account for disuse (set exactly while status is `suspended`). */
  @Column({ type: 'timestamptz', nullable: true })
  suspendedAt!: Date | null;

  /** The IT centre last lifted a suspension or reactivated the account: the inactivity clock restarts here. */
  @Column({ type: 'timestamptz', nullable: true })
  lastReinstatedAt!: Date | null;

  /** The TOTP secret (AES-256-GCM, see TwoFactorSecrets) once enrolment is confirmed; never sent back. */
  @Column({ type: 'text', nullable: true, select: false })
  twoFactorSecret!: string | null;

  /** Two-step verification is on since then (set exactly while `twoFactorSecret` is). */
  @Column({ type: 'timestamptz', nullable: true })
  twoFactorEnabledAt!: Date | null;

  /** An enrolment started but not yet confirmed with a code: nothing is asked at sign-in for it. */
  @Column({ type: 'text', nullable: true, select: false })
  twoFactorPendingSecret!: string | null;

  /** The last TOTP time step accepted: a code, once used, is refused for the rest of its window. */
  @Column({
    type: 'bigint',
    nullable: true,
    select: false,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  twoFactorLastStep!: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
