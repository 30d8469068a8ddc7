import { parseRuleSet } from '../loading/tenant-folder.loader';
import { formatProblem } from '../loading/rule-problem';
import { canonicalDocument, ruleSetFromDocument } from '../versions/canonical-document';
import { defaultActionLabel } from './action-labels';

const rules = (transitions: string) => `code: tinh-thu
name: Tỉnh Thử
timezone: Asia/Ho_Chi_Minh
portal: { title: Cổng thử, domains: [thu.gov.vn] }
legalBasis: { document: 01/2026/QĐ-UBND, signedOn: 2026-01-01, inForceAfterDays: 0 }
unitKinds: [{ kind: department }]
workflows:
  - id: hai-cap
    requirement: TT-1.1
    name: Hai cấp
    initial: draft
    states:
      - { id: draft, label: Nháp, phase: editing }
      - { id: unit-review, label: Chờ lãnh đạo đơn vị, phase: review }
      - { id: board-review, label: Chờ Ban biên tập, phase: review }
      - { id: scheduled, label: Đã hẹn giờ, phase: scheduled }
      - { id: published, label: Đã đăng, phase: published }
      - { id: withdrawn, label: Đã gỡ, phase: withdrawn }
    transitions:
${transitions}
workflowBindings:
  - { channel: subsite, workflow: hai-cap }
  - { channel: portal, workflow: hai-cap }
`;

const TRANSITIONS = `      - { action: send, from: draft, to: unit-review, roles: [unit_editor] }
      - { action: forward, from: unit-review, to: board-review, roles: [unit_head] }
      - { action: accept, from: board-review, to: published, roles: [editorial_board] }
      - { action: later, from: board-review, to: scheduled, roles: [editorial_board] }
      - { action: timed, from: scheduled, to: published, roles: [editorial_board] }
      - { action: send-back, from: [unit-review, board-review], to: draft, roles: [unit_head, editorial_board], commentRequired: true }
      - { action: pull, from: published, to: withdrawn, roles: [editorial_council], commentRequired: true }
      - { action: republish, from: withdrawn, to: published, roles: [editorial_board] }
      - { action: approve, from: unit-review, to: board-review, roles: [unit_head], label: Lãnh đạo duyệt }`;

const parsed = (text: string) => {
  const result = parseRuleSet(text, 'tenant.yaml');
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.value;
};

describe('workflow action labels', () => {
  it('a transition without a label is offered as the verb of what it does, whatever its action id', () => {
    const labels = parsed(rules(TRANSITIONS)).workflows[0].transitions.map((t) => `${t.action}: ${t.label}`);
    expect(labels).toEqual([
      'send: Gửi duyệt',
      'forward: Duyệt, chuyển cấp trên',
      'accept: Duyệt và đăng',
      'later: Hẹn giờ đăng',
      'timed: Đăng theo lịch',
      'send-back: Trả lại',
      'pull: Gỡ xuống',
      'republish: Đăng lại',
      'approve: Lãnh đạo duyệt',
    ]);
  });

  it('well-known action ids keep their plain verb where they lead where the verb says', () => {
    expect(defaultActionLabel('approve', ['review'], 'published')).toBe('Duyệt');
    expect(defaultActionLabel('submit', ['editing'], 'review')).toBe('Gửi duyệt');
    expect(defaultActionLabel('take-down', ['published'], 'withdrawn')).toBe('Gỡ xuống');
    // An id used for something else is named by what the step does instead.
    expect(defaultActionLabel('publish', ['editing'], 'review')).toBe('Gửi duyệt');
  });

  it('a label given is kept, and must be a real name (2 to 60 characters)', () => {
    const short = parseRuleSet(rules(TRANSITIONS.replace('label: Lãnh đạo duyệt', 'label: D')), 'tenant.yaml');
    expect(short.ok ? [] : short.problems.map(formatProblem)).toEqual([
      'tenant.yaml:28 workflows[0].transitions[8].label: `label` phải có ít nhất 2 ký tự',
    ]);
  });

  it('rule versions stored before labels existed read back with the same default verbs', () => {
    const document = canonicalDocument(parsed(rules(TRANSITIONS)));
    const workflows = document.workflows as { transitions: Record<string, unknown>[] }[];
    const older = {
      ...document,
      workflows: workflows.map((w) => ({
        ...w,
        transitions: w.transitions.map(({ label, ...t }) => (t.action === 'approve' ? { ...t, label } : t)),
      })),
    };
    expect(JSON.stringify(older)).not.toContain('Gửi duyệt');
    const read = ruleSetFromDocument(older).workflows[0].transitions.map((t) => t.label);
    expect(read).toEqual(parsed(rules(TRANSITIONS)).workflows[0].transitions.map((t) => t.label));
  });
});
