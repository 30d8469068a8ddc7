import { formatProblem, loadTenantFolder, ROLES, RuleSet } from '@cong/rules';
import { join } from 'node:path';
import { actionLabelIn, availableActions, decideTransition, workflowFor } from './workflow-engine';

const TENANTS = join(__dirname, '../../../../tenants');

async function rulesOf(code: string): Promise<RuleSet> {
  const result = await loadTenantFolder(join(TENANTS, code));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.definition.ruleSet;
}

describe('workflow engine (pure transition logic) on both seed workflows', () => {
  const provinces: Record<string, RuleSet> = {};
  beforeAll(async () => {
    provinces['lao-cai'] = await rulesOf('lao-cai');
    provinces['nghe-an'] = await rulesOf('nghe-an');
  });

  it('binds each channel to its workflow (LC-3.1b sub-sites direct, LC-3.2 portal via the board; NA-8.1, NA-7.2d)', () => {
    expect(workflowFor(provinces['lao-cai'], 'subsite', 'news', 'department').id).toBe('subsite-direct');
    expect(workflowFor(provinces['lao-cai'], 'portal', 'news', 'department').id).toBe('portal-contribution');
    expect(workflowFor(provinces['nghe-an'], 'subsite', 'legal_document', 'district').id).toBe('unit-information-team');
    expect(workflowFor(provinces['nghe-an'], 'portal', 'news', 'press').id).toBe('editorial-board-via-it-centre');
  });

  it('walks every transition of every seed workflow with every role: allowed exactly for the roles the rule names', () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const [code, rules] of Object.entries(provinces)) {
      for (const workflow of rules.workflows) {
        for (const t of workflow.transitions) {
          for (const from of t.from) {
            for (const role of ROLES) {
              const comment = t.commentRequired ? 'Lý do cụ thể' : undefined;
              const outcome = decideTransition(workflow, from, t.action, [role], comment);
              const label = `${code}/${workflow.id}: ${from} --${t.action}--> as ${role}`;
              outcomes.push(`${label}: ${outcome.ok ? `→ ${outcome.to}` : outcome.refusal}`);
              expected.push(`${label}: ${t.roles.includes(role) ? `→ ${t.to}` : 'role_refused'}`);
            }
          }
        }
      }
    }
    expect(outcomes).toEqual(expected);
    expect(outcomes.length).toBeGreaterThan(100);
  });

  it('LC-3.1c, LC-3.2: a portal contribution goes draft → board review → published, or back with a comment', () => {
    const w = workflowFor(provinces['lao-cai'], 'portal', 'news', 'department');
    expect(decideTransition(w, 'draft', 'submit', ['unit_editor'])).toMatchObject({ ok: true, to: 'board-review', phase: 'review' });
    expect(decideTransition(w, 'board-review', 'approve', ['unit_head'])).toMatchObject({ ok: false, refusal: 'role_refused' });
    expect(decideTransition(w, 'board-review', 'return', ['editorial_board'])).toMatchObject({ ok: false, refusal: 'comment_required' });
    expect(decideTransition(w, 'board-review', 'return', ['editorial_board'], 'Cần bổ sung ảnh')).toMatchObject({
      ok: true,
      to: 'returned',
      phase: 'editing',
    });
    expect(decideTransition(w, 'returned', 'submit', ['unit_editor'])).toMatchObject({ ok: true, to: 'board-review' });
    expect(decideTransition(w, 'board-review', 'approve', ['editorial_board'])).toMatchObject({
      ok: true,
      to: 'published',
      phase: 'published',
    });
    // LC-3.3: the editorial council can take anything down, with a reason.
    expect(decideTransition(w, 'published', 'take-down', ['editorial_council'], 'Thông tin sai')).toMatchObject({
      ok: true,
      to: 'withdrawn',
    });
    expect(decideTransition(w, 'draft', 'approve', ['editorial_board'])).toMatchObject({ ok: false, refusal: 'no_such_action' });
    expect(decideTransition(w, 'limbo', 'approve', ['editorial_board'])).toMatchObject({ ok: false, refusal: 'unknown_state' });
  });

  it('lists what a role may do from a state (review queues and buttons)', () => {
    const w = workflowFor(provinces['nghe-an'], 'subsite', 'news', 'department');
    expect(availableActions(w, 'head-review', ['unit_head']).map((t) => t.action)).toEqual(['publish', 'schedule', 'return']);
    expect(availableActions(w, 'head-review', ['unit_editor'])).toEqual([]);
    expect(availableActions(w, 'draft', ['unit_editor']).map((t) => t.action)).toEqual(['submit']);
  });

  it('NA-8.1, LC-3.2: every action of both seed workflows is offered as a verb, never as the name of the state it leads to', () => {
    const labels = Object.entries(provinces).flatMap(([code, rules]) =>
      rules.workflows.flatMap((w) => w.transitions.map((t) => `${code}/${w.id} ${t.action}: ${t.label}`)),
    );
    expect(labels).toEqual([
      'lao-cai/subsite-direct publish: Đăng',
      'lao-cai/subsite-direct schedule: Hẹn giờ đăng',
      'lao-cai/subsite-direct publish-scheduled: Đăng theo lịch',
      'lao-cai/subsite-direct unschedule: Hủy hẹn giờ',
      'lao-cai/subsite-direct take-down: Gỡ xuống',
      'lao-cai/subsite-direct archive: Lưu trữ',
      'lao-cai/portal-contribution submit: Gửi duyệt',
      'lao-cai/portal-contribution approve: Duyệt',
      'lao-cai/portal-contribution return: Trả lại',
      'lao-cai/portal-contribution take-down: Gỡ xuống',
      'lao-cai/portal-contribution archive: Lưu trữ',
      'nghe-an/unit-information-team submit: Gửi duyệt',
      'nghe-an/unit-information-team publish: Đăng',
      'nghe-an/unit-information-team schedule: Hẹn giờ đăng',
      'nghe-an/unit-information-team publish-scheduled: Đăng theo lịch',
      'nghe-an/unit-information-team unschedule: Hủy hẹn giờ',
      'nghe-an/unit-information-team return: Trả lại',
      'nghe-an/unit-information-team take-down: Gỡ xuống',
      'nghe-an/unit-information-team archive: Lưu trữ',
      'nghe-an/editorial-board-via-it-centre submit: Gửi duyệt',
      'nghe-an/editorial-board-via-it-centre publish: Đăng',
      'nghe-an/editorial-board-via-it-centre return: Trả lại',
      'nghe-an/editorial-board-via-it-centre take-down: Gỡ xuống',
      'nghe-an/editorial-board-via-it-centre archive: Lưu trữ',
    ]);
    const stateNames = new Set(Object.values(provinces).flatMap((r) => r.workflows.flatMap((w) => w.states.map((s) => s.label))));
    expect(labels.filter((l) => stateNames.has(l.split(': ')[1]))).toEqual([]);
  });

  it('names a step of the history by the transition it took, a new time as "Đổi lịch đăng"', () => {
    const w = workflowFor(provinces['nghe-an'], 'subsite', 'news', 'department');
    expect(actionLabelIn(w, 'publish', 'head-review')).toBe('Đăng');
    expect(actionLabelIn(w, 'return', 'head-review')).toBe('Trả lại');
    expect(actionLabelIn(w, 'reschedule', 'scheduled')).toBe('Đổi lịch đăng');
    expect(actionLabelIn(w, 'forward', 'draft')).toBe('forward');
  });
});
