import { UnitRequestKind } from '@cong/rules';
import { RequestAction, UnitRequestStatus } from './unit-request.entity';

export const KIND_LABELS: Record<UnitRequestKind, string> = {
  proposal: 'Đề xuất dịch vụ công trực tuyến',
  problem: 'Phản ánh vướng mắc',
};

/** The prefix of a request's number: `DX-2026-7` (đề xuất), `PA-2026-3` (phản ánh). */
export const KIND_PREFIXES: Record<UnitRequestKind, string> = { proposal: 'DX', problem: 'PA' };

export const STATUS_LABELS: Record<UnitRequestStatus, string> = {
  sent: 'Chờ tiếp nhận',
  in_progress: 'Đang xử lý',
  answered: 'Đã trả lời',
  withdrawn: 'Đã rút lại',
};

export const ACTION_LABELS: Record<RequestAction, string> = {
  sent: 'Gửi',
  taken_up: 'Tiếp nhận',
  forwarded: 'Chuyển đơn vị xử lý',
  answered: 'Trả lời',
  withdrawn: 'Rút lại',
};

/** What the caller may do next, as the console offers it. */
export const DESK_ACTIONS = ['take-up', 'forward', 'answer', 'withdraw'] as const;
export type DeskAction = (typeof DESK_ACTIONS)[number];
