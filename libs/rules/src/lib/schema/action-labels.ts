import { StatePhase } from './vocabulary';

/** Action ids whose meaning is plain, with the phases of the state they may lead to. */
const NAMED_ACTIONS: Record<string, { label: string; phases: readonly StatePhase[] }> = {
  submit: { label: 'Gửi duyệt', phases: ['review'] },
  approve: { label: 'Duyệt', phases: ['review', 'scheduled', 'published'] },
  return: { label: 'Trả lại', phases: ['editing'] },
  reject: { label: 'Trả lại', phases: ['editing'] },
  publish: { label: 'Đăng', phases: ['published'] },
  'force-publish': { label: 'Đăng ngay (duyệt lại sau)', phases: ['published'] },
  'publish-scheduled': { label: 'Đăng theo lịch', phases: ['published'] },
  schedule: { label: 'Hẹn giờ đăng', phases: ['scheduled'] },
  unschedule: { label: 'Hủy hẹn giờ', phases: ['editing', 'review'] },
  'take-down': { label: 'Gỡ xuống', phases: ['withdrawn'] },
  withdraw: { label: 'Gỡ xuống', phases: ['withdrawn'] },
  archive: { label: 'Lưu trữ', phases: ['archived'] },
};

/** What moving a scheduled item's time is called in its history (a step of its own, not a transition). */
export const RESCHEDULE_ACTION = 'reschedule';
export const RESCHEDULE_LABEL = 'Đổi lịch đăng';

/** The retrospective second review ("2i") of an item published by a step with `secondReview`. */
export const SECOND_REVIEW_ACTION = 'second-review';
export const SECOND_REVIEW_LABEL = 'Duyệt lại (2i)';

/** What an edit of an item while it is published or scheduled is called in its history. */
export const EDIT_LIVE_ACTION = 'edit-live';
export const EDIT_LIVE_LABEL = 'Sửa khi đang đăng';

/**
 * The verb a transition is offered as when its rule gives no `label`: the plain meaning of a
 * well-known action id (`submit` → "Gửi duyệt") when it fits where the step leads, else what going
 * from its states to its target does ("Trả lại" out of review, "Đăng theo lịch" out of a schedule).
 * Never the target state's name: "Đã đăng" says where an item is, not what the button does.
 */
export function defaultActionLabel(action: string, fromPhases: (string | undefined)[], toPhase: string | undefined): string {
  const named = NAMED_ACTIONS[action];
  if (named && (!toPhase || named.phases.includes(toPhase as StatePhase))) return named.label;
  const allFrom = (phase: StatePhase) => fromPhases.length > 0 && fromPhases.every((p) => p === phase);
  switch (toPhase) {
    case 'review':
      if (allFrom('review')) return 'Duyệt, chuyển cấp trên';
      return allFrom('scheduled') ? 'Hủy hẹn giờ' : 'Gửi duyệt';
    case 'editing':
      if (allFrom('review')) return 'Trả lại';
      return allFrom('scheduled') ? 'Hủy hẹn giờ' : 'Đưa về bản nháp';
    case 'scheduled':
      return 'Hẹn giờ đăng';
    case 'published':
      if (allFrom('scheduled')) return 'Đăng theo lịch';
      if (allFrom('review')) return 'Duyệt và đăng';
      return fromPhases.some((p) => p === 'withdrawn' || p === 'archived') ? 'Đăng lại' : 'Đăng';
    case 'withdrawn':
      return 'Gỡ xuống';
    case 'archived':
      return 'Lưu trữ';
    default:
      return named?.label ?? action;
  }
}

/**
 * Fills the `label` of every transition that has none, from the workflow's (plain) states. Runs
 * as a rule file or a stored version becomes classes, so every reader of a transition sees a verb.
 */
export function withActionLabels(transitions: unknown, states: unknown): unknown {
  if (!Array.isArray(transitions)) return transitions;
  const list: { id?: unknown; phase?: unknown }[] = Array.isArray(states) ? states.filter((s) => s && typeof s === 'object') : [];
  const phaseOf = (id: unknown) => {
    const phase = list.find((s) => s.id === id)?.phase;
    return typeof phase === 'string' ? phase : undefined;
  };
  for (const t of transitions) {
    if (!t || typeof t !== 'object' || t.label !== undefined || typeof t.action !== 'string') continue;
    const from: unknown[] = Array.isArray(t.from) ? t.from : [t.from];
    t.label = defaultActionLabel(t.action, from.map(phaseOf), phaseOf(t.to));
  }
  return transitions;
}
