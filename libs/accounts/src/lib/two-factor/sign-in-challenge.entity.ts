import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The password step of a sign-in with two-step verification passed: the challenge (`<id>.<secret>`,
 * the secret stored as SHA-256) is exchanged once, within its lifetime, with a code for tokens.
 */
@Entity('accounts_sign_in_challenge')
export class SignInChallenge {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', nullable: true })
  tenantId!: string | null;

  @Column({ type: 'uuid' })
  userId!: string;

  @Column({ type: 'text', select: false })
  secretHash!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}
