import { OnlineServiceLevel, OnlineServiceStatus } from './online-service.entity';

export const SERVICE_STATUS_LABELS: Record<OnlineServiceStatus, string> = {
  registered: 'Đã đăng ký, chờ xem xét',
  active: 'Đang cung cấp trực tuyến',
  suspended: 'Tạm ngừng',
  retired: 'Đã ngừng cung cấp',
  declined: 'Không chấp thuận',
};

export const SERVICE_LEVEL_LABELS: Record<OnlineServiceLevel, string> = {
  full: 'Toàn trình',
  partial: 'Một phần',
};

/** The decisions on an entry (the editorial council's and the IT centre's), the status each leads to. */
export const DECISIONS = ['active', 'declined', 'suspended', 'retired'] as const;
export type Decision = (typeof DECISIONS)[number];

/** From which status each decision may be taken. */
export const DECIDABLE_FROM: Record<Decision, readonly OnlineServiceStatus[]> = {
  active: ['registered', 'suspended'],
  declined: ['registered'],
  suspended: ['active'],
  retired: ['active', 'suspended'],
};

/** The decisions that need a reason. */
export const REASONED: readonly Decision[] = ['declined', 'suspended', 'retired'];

/** What the caller may do with an entry, as the console offers it. */
export const SERVICE_ACTIONS = ['edit', 'activate', 'decline', 'suspend', 'retire'] as const;
export type ServiceAction = (typeof SERVICE_ACTIONS)[number];
export const ACTION_OF_DECISION: Record<Decision, ServiceAction> = {
  active: 'activate',
  declined: 'decline',
  suspended: 'suspend',
  retired: 'retire',
};
