import { CONTENT_TYPE_LABELS, roleLabel } from '../format/labels';
import { PERIOD_KIND_LABELS, type PeriodKind } from '../compliance/periods';

/** What a rule document holds, as far as comparing provinces goes (the API's canonical document). */
interface RuleDocument {
  quotas?: { id: string; requirement: string; period: PeriodKind; min: number; contentTypes: string[] }[];
  schedules?: {
    id: string;
    requirement: string;
    weekdays: string[];
    everyDay: boolean;
    minItemsPerDay: number;
    contentTypes: string[];
    appliesTo: { unitKinds: string[]; units: string[] };
  }[];
  deadlines?: { id: string; requirement: string; contentType: string; startsFrom: string; within: number; dayKind: string }[];
  workflows?: {
    id: string;
    name: string;
    states: { id: string; label: string }[];
    transitions: { label: string; roles: string[]; commentRequired: boolean }[];
  }[];
  workflowBindings?: { channel: string; workflow: string }[];
  reports?: { id: string; requirement: string; name: string; periods: PeriodKind[]; dueWithinDays?: number }[];
  emulation?: { requirement: string; periods: PeriodKind[]; maxScore: number; weights: { rule: string; weight: number }[] };
  payments?: {
    royalties?: {
      requirement: string;
      currency: string;
      genres: { name: string; points: number; maxPoints?: number }[];
      unitValue?: { from: string; amount: number }[];
    };
    volumeStatement?: { requirement: string; period: PeriodKind };
  };
  accountPolicy?: {
    requirement?: string;
    password: { minLength: number };
    lockout: { threshold: number; durationMinutes: number };
    twoFactor?: { requiredFor: string[] };
  };
}

/** One line of a comparison: what the province's rules say on an aspect, by the requirement they cite. */
export interface AspectLine {
  text: string;
  requirement?: string;
}

export const ASPECTS = [
  { key: 'quotas', label: 'Chỉ tiêu số lượng tin bài' },
  { key: 'schedules', label: 'Lịch cập nhật' },
  { key: 'deadlines', label: 'Thời hạn đăng tải' },
  { key: 'workflows', label: 'Quy trình biên tập' },
  { key: 'reports', label: 'Báo cáo định kỳ' },
  { key: 'emulation', label: 'Chấm điểm thi đua' },
  { key: 'payments', label: 'Nhuận bút, thanh toán' },
  { key: 'accounts', label: 'Tài khoản, mật khẩu' },
] as const;
export type AspectKey = (typeof ASPECTS)[number]['key'];

const WEEKDAYS: Record<string, string> = {
  MON: 'thứ Hai',
  TUE: 'thứ Ba',
  WED: 'thứ Tư',
  THU: 'thứ Năm',
  FRI: 'thứ Sáu',
  SAT: 'thứ Bảy',
  SUN: 'Chủ nhật',
};
const CHANNELS: Record<string, string> = { subsite: 'trang đơn vị', portal: 'cổng tỉnh' };
const period = (p: PeriodKind) => PERIOD_KIND_LABELS[p]?.toLowerCase() ?? p;
const types = (list: string[]) => list.map((t) => CONTENT_TYPE_LABELS[t] ?? t).join(', ');
const vnd = (n: number) => `${new Intl.NumberFormat('vi-VN').format(n)} đ`;

/** The rules of one province on each aspect, in sentences an operator reads side by side with another's. */
export function aspectsOf(document: Record<string, unknown>): Record<AspectKey, AspectLine[]> {
  const d = document as RuleDocument;
  const royalties = d.payments?.royalties;
  const volume = d.payments?.volumeStatement;
  const currentValue = royalties?.unitValue?.at(-1);
  return {
    quotas: (d.quotas ?? []).map((q) => ({
      text: `Ít nhất ${q.min} tin bài mỗi ${period(q.period)} (${types(q.contentTypes)})`,
      requirement: q.requirement,
    })),
    schedules: (d.schedules ?? []).map((s) => ({
      text: `${s.everyDay ? 'Mỗi ngày' : `Các ngày ${s.weekdays.map((w) => WEEKDAYS[w] ?? w).join(', ')}`}: ít nhất ${s.minItemsPerDay} tin${
        s.appliesTo.unitKinds.length ? `; áp dụng cho loại đơn vị ${s.appliesTo.unitKinds.join(', ')}` : ''
      }`,
      requirement: s.requirement,
    })),
    deadlines: (d.deadlines ?? []).map((x) => ({
      text: `${CONTENT_TYPE_LABELS[x.contentType] ?? x.contentType}: đăng ${x.within === 0 ? 'ngay trong ngày' : `trong ${x.within} ngày ${x.dayKind === 'working' ? 'làm việc' : ''}`.trim()} kể từ ${x.startsFrom === 'effectiveFrom' ? 'ngày có hiệu lực' : x.startsFrom}`,
      requirement: x.requirement,
    })),
    workflows: (d.workflowBindings ?? []).map((b) => {
      const w = d.workflows?.find((x) => x.id === b.workflow);
      const commented = w?.transitions.filter((t) => t.commentRequired).map((t) => t.label) ?? [];
      const roles = [...new Set(w?.transitions.flatMap((t) => t.roles) ?? [])].map(roleLabel);
      return {
        text: `${CHANNELS[b.channel] ?? b.channel}: ${w?.name ?? b.workflow} — ${w?.states.length ?? 0} trạng thái, ${w?.transitions.length ?? 0} bước; vai trò: ${roles.join(', ')}${
          commented.length ? `; bắt buộc ghi lý do khi: ${commented.join(', ')}` : ''
        }`,
      };
    }),
    reports: (d.reports ?? []).map((r) => ({
      text: `${r.name} — theo ${r.periods.map(period).join(', ')}${r.dueWithinDays !== undefined ? `, gửi trong ${r.dueWithinDays} ngày sau kỳ` : ''}`,
      requirement: r.requirement,
    })),
    emulation: d.emulation
      ? [
          {
            text: `Thang điểm ${d.emulation.maxScore}, theo ${d.emulation.periods.map(period).join(', ')}; trọng số: ${d.emulation.weights.map((w) => `${w.rule} × ${w.weight}`).join(', ')}`,
            requirement: d.emulation.requirement,
          },
        ]
      : [],
    payments: [
      ...(royalties
        ? [
            {
              text: `Nhuận bút theo điểm: ${royalties.genres.map((g) => `${g.name} ${g.points}${g.maxPoints ? `–${g.maxPoints}` : ''} điểm`).join('; ')}${
                currentValue ? `; giá trị 1 điểm: ${vnd(currentValue.amount)} (từ ${currentValue.from.split('-').reverse().join('/')})` : ''
              }`,
              requirement: royalties.requirement,
            },
          ]
        : []),
      ...(volume
        ? [{ text: `Xác nhận khối lượng thông tin theo ${period(volume.period)} để thanh toán`, requirement: volume.requirement }]
        : []),
    ],
    accounts: d.accountPolicy
      ? [
          {
            text: `Mật khẩu từ ${d.accountPolicy.password.minLength} ký tự; khoá ${d.accountPolicy.lockout.durationMinutes} phút sau ${d.accountPolicy.lockout.threshold} lần sai${
              d.accountPolicy.twoFactor?.requiredFor.length
                ? `; xác thực hai bước bắt buộc cho ${d.accountPolicy.twoFactor.requiredFor.map(roleLabel).join(', ')}`
                : ''
            }`,
            requirement: d.accountPolicy.requirement,
          },
        ]
      : [],
  };
}
