import { AUDIT_ACTION_LABELS, AuditAction, AuditEntry } from '@cong/platform-audit';
import { TableFile } from '@cong/platform-tables';
import { instantIn } from '../province-time';

/** More than this in one file is refused: narrow the filters (a month, an action, a person). */
export const AUDIT_EXPORT_LIMIT = 10_000;

/** The audit log as the IT centre downloads it: one entry a line, newest first, with the filters in its title. */
export function auditFile(entries: AuditEntry[], province: string, timezone: string, filters: string[]): TableFile {
  const at = instantIn(timezone, { seconds: true });
  return {
    title: [`Nhật ký hoạt động — ${province}`, ...(filters.length ? [`Lọc theo: ${filters.join('; ')}`] : []), `Số mục: ${entries.length}`],
    headings: [
      'Thời điểm',
      'Hành động',
      'Mã hành động',
      'Người thực hiện',
      'Đối tượng',
      'Mã đối tượng',
      'Chi tiết',
      'Địa chỉ IP',
      'Mã yêu cầu',
    ],
    lines: entries.map((e) => [
      at(e.occurredAt),
      AUDIT_ACTION_LABELS[e.action as AuditAction] ?? e.action,
      e.action,
      e.actorLabel,
      e.subjectType,
      e.subjectId,
      Object.keys(e.details).length ? JSON.stringify(e.details) : null,
      e.ip,
      e.requestId,
    ]),
    footer: [`Xuất lúc: ${at(new Date())} (giờ ${timezone})`],
  };
}
