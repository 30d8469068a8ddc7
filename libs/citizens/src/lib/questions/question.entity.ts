import { TenantOwnedEntity } from '@cong/platform-database';
import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * Where a question stands:
 * - `new`: received, no unit yet (the editorial board or the IT centre routes it);
 * - `assigned`: a unit is to answer; `answering`: its answer is drafted and in the workflow;
 * - `answered`: the answer is published; `declined` (with a reason) and `spam`: closed unanswered.
 */
export const QUESTION_STATUSES = ['new', 'assigned', 'answering', 'answered', 'declined', 'spam'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];
/** Closed: the asker's contacts count down to their erasure from here. */
export const CLOSED_STATUSES: readonly QuestionStatus[] = ['answered', 'declined', 'spam'];

/** The file a question came with: what the desk shows, and where its bytes are (never public). */
export interface QuestionAttachment {
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  storageKey: string;
}

/** A citizen's question (hỏi đáp trực tuyến). Name and contacts are never public, and erased after the retention period. */
@Entity('citizens_question')
export class Question extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** What the asker and officials quote: `YYMMDD-XXXXXX`, unique in the province. */
  @Column({ type: 'text' }) reference!: string;
  /** The portal or sub-site it was asked on. */
  @Column({ type: 'uuid' }) siteId!: string;
  @Column({ type: 'uuid', nullable: true }) unitId!: string | null;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) body!: string;
  @Column({ type: 'text', nullable: true }) askerName!: string | null;
  /** The asker agreed to their name appearing with the published answer. */
  @Column({ type: 'boolean', default: false }) showName!: boolean;
  @Column({ type: 'text', nullable: true }) email!: string | null;
  @Column({ type: 'text', nullable: true }) phone!: string | null;
  @Column({ type: 'timestamptz' }) consentedAt!: Date;
  @Column({ type: 'text' }) status!: QuestionStatus;
  @Column({ type: 'text', nullable: true }) spamReason!: string | null;
  @Column({ type: 'timestamptz' }) receivedAt!: Date;
  /** The day it arrived in the province's calendar: the answer deadline counts from it. */
  @Column({ type: 'date' }) receivedOn!: string;
  @Column({ type: 'uuid', nullable: true }) answerItemId!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) answeredAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) contactsErasedAt!: Date | null;
  /** The file sent with the question, if any; erased with the contacts. */
  @Column({ type: 'jsonb', nullable: true }) attachment!: QuestionAttachment | null;
  /** SHA-256 of the private status link's token; the token itself is only ever given to the asker. */
  @Column({ type: 'text' }) statusTokenHash!: string;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
