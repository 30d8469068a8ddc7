import { TenantOwnedEntity } from '@cong/platform-database';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const QUESTION_ACTIONS = [
  'received',
  'assigned',
  'reassigned',
  'declined',
  'marked_spam',
  'unmarked_spam',
  'answer_drafted',
  'answered',
  'answer_withdrawn',
  'contacts_erased',
] as const;
export type QuestionAction = (typeof QUESTION_ACTIONS)[number];

export const QUESTION_ACTION_LABELS: Record<QuestionAction, string> = {
  received: 'Tiếp nhận câu hỏi',
  assigned: 'Chuyển đơn vị trả lời',
  reassigned: 'Chuyển sang đơn vị khác',
  declined: 'Từ chối trả lời',
  marked_spam: 'Đánh dấu thư rác',
  unmarked_spam: 'Bỏ đánh dấu thư rác',
  answer_drafted: 'Soạn câu trả lời',
  answered: 'Đăng câu trả lời',
  answer_withdrawn: 'Gỡ câu trả lời đã đăng',
  contacts_erased: 'Xóa thông tin liên hệ của người hỏi',
};

/** One step of a question's history (append-only): who routed, declined or answered it, and why. */
@Entity('citizens_question_event')
export class QuestionEvent extends TenantOwnedEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) questionId!: string;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ type: 'text' }) action!: QuestionAction;
  @Column({ type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ type: 'text' }) actorLabel!: string;
  @Column({ type: 'uuid', nullable: true }) fromUnitId!: string | null;
  @Column({ type: 'uuid', nullable: true }) toUnitId!: string | null;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
}
