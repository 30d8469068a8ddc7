import { TenantOwnedEntity } from '@cong/platform-database';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const POLL_CHOICES = ['single', 'multiple'] as const;
export type PollChoice = (typeof POLL_CHOICES)[number];
/** When citizens see the counts: once they have voted, or only once the poll has closed. */
export const RESULTS_SHOWN = ['after_vote', 'after_close'] as const;
export type ResultsShown = (typeof RESULTS_SHOWN)[number];

/** An opinion poll of a site (thăm dò ý kiến, NA-5.5), open between two instants. */
@Entity('citizens_poll')
export class Poll extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) siteId!: string;
  @Column({ type: 'text' }) question!: string;
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ type: 'text' }) choice!: PollChoice;
  /** Multiple choice: at most this many options (null: any number). */
  @Column({ type: 'integer', nullable: true }) maxChoices!: number | null;
  @Column({ type: 'timestamptz' }) opensAt!: Date;
  @Column({ type: 'timestamptz' }) closesAt!: Date;
  @Column({ type: 'text' }) resultsShown!: ResultsShown;
  /** Taken off the portal (kept, with its votes, for the record). */
  @Column({ type: 'timestamptz', nullable: true }) withdrawnAt!: Date | null;
  @Column({ type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('citizens_poll_option')
export class PollOption extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) pollId!: string;
  @Column({ type: 'integer' }) position!: number;
  @Column({ type: 'text' }) label!: string;
}

/** One person's vote: no personal data, a keyed hash of their browser's voter token. Append-only. */
@Entity('citizens_poll_vote')
export class PollVote extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) pollId!: string;
  @Column({ type: 'text' }) voterKey!: string;
  @Column({ type: 'uuid', array: true }) optionIds!: string[];
  @Column({ type: 'timestamptz' }) castAt!: Date;
}
