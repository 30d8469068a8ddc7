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
