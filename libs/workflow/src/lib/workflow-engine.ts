import {
  EDIT_LIVE_ACTION,
  EDIT_LIVE_LABEL,
  SECOND_REVIEW_ACTION,
  SECOND_REVIEW_LABEL,
  RESCHEDULE_ACTION,
  RESCHEDULE_LABEL,
  RuleSet,
  Transition,
  Workflow,
} from '@cong/rules';

export type Refusal = 'unknown_state' | 'no_such_action' | 'role_refused' | 'comment_required';

export type TransitionOutcome =
  { ok: true; from: string; to: string; phase: string; action: string } | { ok: false; refusal: Refusal; message: string };

/**
 * The workflow of an item: the binding for its channel, content type and unit kind (the rules'
 * cross-checks guarantee exactly one).
 */
export function workflowFor(rules: RuleSet, channel: string, contentType: string, unitKind: string): Workflow {
  const binding = rules.workflowBindings.find(
    (b) => b.channel === channel && b.contentTypes.includes(contentType) && (!b.unitKinds || b.unitKinds.includes(unitKind)),
  );
  const workflow = binding && rules.workflows.find((w) => w.id === binding.workflow);
  if (!workflow) throw new Error(`No workflow for ${channel}/${contentType}/${unitKind} in ${rules.code}`);
  return workflow;
}

/** What `roles` (held for the item's unit, or province-wide) may do from `state`. */
export function availableActions(workflow: Workflow, state: string, roles: string[]): Transition[] {
  return workflow.transitions.filter((t) => t.from.includes(state) && t.roles.some((r) => roles.includes(r)));
}

/**
 * What a step is called (its transition's label, a verb): for the history and notifications of a
 * step taken from `fromState`. Moving a schedule is a step of its own; an action the workflow no
 * longer has is shown by its id.
 */
export function actionLabelIn(workflow: Workflow | undefined, action: string, fromState: string): string {
  if (action === RESCHEDULE_ACTION) return RESCHEDULE_LABEL;
  if (action === EDIT_LIVE_ACTION) return EDIT_LIVE_LABEL;
  if (action === SECOND_REVIEW_ACTION) return SECOND_REVIEW_LABEL;
  return workflow?.transitions.find((t) => t.action === action && t.from.includes(fromState))?.label ?? action;
}

/**
 * One step of a workflow, decided without side effects: the transition must leave the current
 * state, one of the actor's roles must be allowed, and a comment must be given where the rule
 * requires one (rejections, take-downs).
 */
export function decideTransition(workflow: Workflow, state: string, action: string, roles: string[], comment?: string): TransitionOutcome {
  if (!workflow.states.some((s) => s.id === state)) {
    return { ok: false, refusal: 'unknown_state', message: `"${state}" không phải là trạng thái của quy trình ${workflow.id}` };
  }
  const transition = workflow.transitions.find((t) => t.action === action && t.from.includes(state));
  if (!transition) {
    const possible = workflow.transitions.filter((t) => t.from.includes(state)).map((t) => t.action);
    return {
      ok: false,
      refusal: 'no_such_action',
      message: `không thể "${action}" từ trạng thái ${state} (có thể: ${possible.join(', ') || 'không có'})`,
    };
  }
  if (!transition.roles.some((r) => roles.includes(r))) {
    return { ok: false, refusal: 'role_refused', message: `"${action}" cần một trong các vai trò ${transition.roles.join(', ')}` };
  }
  // A step past the usual review (one that asks for a second review) always says why.
  if ((transition.commentRequired || transition.secondReview?.length) && !(comment && comment.trim().length >= 3)) {
    return { ok: false, refusal: 'comment_required', message: `"${action}" cần ghi lý do (ít nhất 3 ký tự).` };
  }
  const target = workflow.states.find((s) => s.id === transition.to)!;
  return { ok: true, from: state, to: target.id, phase: target.phase, action };
}
