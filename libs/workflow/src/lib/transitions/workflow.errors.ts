import { DomainError } from '@cong/platform-errors';
import { Refusal } from '../workflow-engine';

export const WorkflowErrors = {
  staleVersion: (sent: number, current: number) =>
    new DomainError(
      'WORKFLOW_STALE_VERSION',
      'conflict',
      `Tin bài đã thay đổi từ khi bạn mở (bạn gửi phiên bản ${sent}, hiện là ${current}). Hãy tải lại rồi thao tác.`,
    ),
  refused: (refusal: Refusal, message: string) => {
    if (refusal === 'role_refused')
      return new DomainError('WORKFLOW_ROLE_REFUSED', 'forbidden', `Bạn không có quyền thực hiện thao tác này: ${message}.`);
    if (refusal === 'comment_required')
      return new DomainError('WORKFLOW_COMMENT_REQUIRED', 'validation', 'Thao tác này cần ghi lý do.', [{ field: 'comment', message }]);
    return new DomainError('WORKFLOW_ACTION_NOT_POSSIBLE', 'conflict', `Không thể thực hiện thao tác ở trạng thái hiện tại: ${message}.`);
  },
  scheduleInvalid: (field: string, message: string) =>
    new DomainError('WORKFLOW_SCHEDULE_INVALID', 'validation', 'Thời gian hẹn đăng/gỡ không hợp lệ.', [{ field, message }]),
  noWorkflow: (channel: string, type: string, unitKind: string, version: number) =>
    new DomainError(
      'WORKFLOW_NOT_BOUND',
      'conflict',
      `Quy định (phiên bản ${version}) không gán quy trình nào cho ${type} của đơn vị loại ${unitKind} trên kênh ${channel}.`,
    ),
  liveEditRefused: (state: string, roles: string[]) =>
    new DomainError(
      'WORKFLOW_LIVE_EDIT_REFUSED',
      'forbidden',
      `Tin bài đang ở trạng thái "${state}": sửa lúc này sẽ công khai ngay mà không qua duyệt, chỉ ${roles.join(', ')} được làm. Hãy đề nghị người có quyền sửa, hoặc đưa tin bài về quy trình (gỡ xuống hoặc hủy hẹn giờ) rồi sửa.`,
    ),
  secondReviewBySamePerson: (who: string) =>
    new DomainError(
      'WORKFLOW_SECOND_REVIEW_BY_ANOTHER',
      'forbidden',
      `Tin bài do ${who} đăng vượt quy trình; việc duyệt lại (2i) phải do một người khác thực hiện.`,
    ),
  noRules: () => new DomainError('WORKFLOW_NO_RULES', 'conflict', 'Tỉnh chưa có quy định nào có hiệu lực: chưa thể xử lý tin bài.'),
};
