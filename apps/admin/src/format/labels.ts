import type { Tone } from './status-tag';

/** Vietnamese names of what the API answers in codes. */
export const CONTENT_TYPE_LABELS: Record<string, string> = {
  news: 'Tin tức',
  announcement: 'Thông báo',
  report: 'Báo cáo',
  thematic: 'Chuyên đề',
  page: 'Trang giới thiệu',
  procedure: 'Thủ tục hành chính',
  legal_document: 'Văn bản pháp luật',
  faq: 'Hỏi đáp',
  investment_project: 'Dự án đầu tư',
};

export const STATUS_LABELS: Record<string, { label: string; tone: Tone }> = {
  draft: { label: 'Bản nháp', tone: 'neutral' },
  in_review: { label: 'Đang duyệt', tone: 'info' },
  scheduled: { label: 'Hẹn giờ đăng', tone: 'special' },
  published: { label: 'Đã đăng', tone: 'good' },
  withdrawn: { label: 'Đã gỡ', tone: 'warning' },
  archived: { label: 'Lưu trữ', tone: 'neutral' },
};

export const ROLE_LABELS: Record<string, string> = {
  national_operator: 'Vận hành quốc gia',
  tenant_admin: 'Quản trị (Trung tâm CNTT)',
  editorial_council: 'Hội đồng biên tập',
  editorial_board: 'Ban biên tập',
  unit_head: 'Lãnh đạo đơn vị',
  unit_editor: 'Biên tập viên',
};

/** An account's state, as the IT centre reads it. */
export const ACCOUNT_STATUS_LABELS: Record<string, { label: string; tone: Tone }> = {
  invited: { label: 'Chờ kích hoạt', tone: 'info' },
  active: { label: 'Đang dùng', tone: 'good' },
  disabled: { label: 'Đã khoá', tone: 'bad' },
  suspended: { label: 'Tạm ngưng (lâu không dùng)', tone: 'warning' },
};

/**
 * Where a citizen's question stands (the API's `statusLabel` words, which the asker reads too);
 * the list's filter offers them all.
 */
export const QUESTION_STATUS_LABELS: Record<string, { label: string; tone: Tone }> = {
  new: { label: 'Đã tiếp nhận, chờ chuyển đơn vị trả lời', tone: 'warning' },
  assigned: { label: 'Đơn vị đang xem xét', tone: 'info' },
  answering: { label: 'Đang soạn và duyệt câu trả lời', tone: 'special' },
  answered: { label: 'Đã trả lời', tone: 'good' },
  declined: { label: 'Không trả lời', tone: 'neutral' },
  spam: { label: 'Thư rác', tone: 'bad' },
};

/** A unit's request (đề xuất, phản ánh, NA-8.5): the tone of each status; the words are the API's (`statusLabel`). */
export const UNIT_REQUEST_STATUS_TONES: Record<string, Tone> = {
  sent: 'warning',
  in_progress: 'info',
  answered: 'good',
  withdrawn: 'neutral',
};

/** An online service of the registry (LC-2.1.3): the tone of each status; the words are the API's (`statusLabel`). */
export const ONLINE_SERVICE_STATUS_TONES: Record<string, Tone> = {
  registered: 'warning',
  active: 'good',
  suspended: 'bad',
  retired: 'neutral',
  declined: 'neutral',
};

export const typeLabel = (type: string): string => CONTENT_TYPE_LABELS[type] ?? type;
export const roleLabel = (role: string): string => ROLE_LABELS[role] ?? role;
