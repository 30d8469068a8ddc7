import { QuestionStatus } from './question.entity';

/** How a question's status reads to the asker and to officials. */
export const QUESTION_STATUS_LABELS: Record<QuestionStatus, string> = {
  new: 'Đã tiếp nhận, chờ chuyển đơn vị trả lời',
  assigned: 'Đơn vị đang xem xét',
  answering: 'Đang soạn và duyệt câu trả lời',
  answered: 'Đã trả lời',
  declined: 'Không trả lời',
  spam: 'Thư rác',
};

/** What the reader of a question may do with it now (the console offers these and no others). */
export const DESK_ACTIONS = ['assign', 'reassign', 'decline', 'spam', 'not-spam', 'answer'] as const;
export type DeskAction = (typeof DESK_ACTIONS)[number];
