import { AUDIT_ACTION_LABELS, AuditAction, AuditEntry } from '@cong/platform-audit';
import { TableFile } from '@cong/platform-tables';

/** More than this in one file is refused: narrow the filters (a month, an action, a person). */
export const AUDIT_EXPORT_LIMIT = 10_000;

/** An instant as officials write it, in the province's zone: `02/12/2026 18:30:05`. */
function instantIn(timezone: string): (at: Date) => string {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return (at) => format.format(at).replace(', ', ' ');
}

/** The audit log as the IT centre downloads it: one entry a line, newest first, with the filters in its title. */
export function auditFile(entries: AuditEntry[], province: string, timezone: string, filters: string[]): TableFile {
  const at = instantIn(timezone);
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
