import { RuleSet } from '../schema/rule-set.schema';
import { CHANNELS, CONTENT_TYPES } from '../schema/vocabulary';
import { Workflow } from '../schema/workflow.schema';
import { duplicates, LocatedMessage } from './check-helpers';

/** Workflows are state machines: every reference resolves, every state is reachable, something publishes. */
export function checkWorkflows(rules: RuleSet): LocatedMessage[] {
  const workflows = rules.workflows ?? [];
  return [...workflows.flatMap((w, i) => checkWorkflow(w, ['workflows', i])), ...checkBindings(rules)];
}

function checkWorkflow(w: Workflow, at: (string | number)[]): LocatedMessage[] {
  const states = new Set((w.states ?? []).map((s) => s.id));
  const problems = duplicates(
    w.states ?? [],
    (s) => s.id,
    (i) => [...at, 'states', i, 'id'],
    'Trạng thái',
  );
  const unknown = (state: string) => `Trạng thái "${state}" chưa khai báo trong quy trình ${w.id} (${[...states].join(', ')})`;

  if (w.initial && !states.has(w.initial)) problems.push({ path: [...at, 'initial'], message: unknown(w.initial) });
  else if (w.initial && w.states?.find((s) => s.id === w.initial)?.phase !== 'editing') {
    problems.push({ path: [...at, 'initial'], message: '`initial` phải là một trạng thái soạn thảo (`phase: editing`)' });
  }
  if (w.states?.length && !w.states.some((s) => s.phase === 'published')) {
    problems.push({ path: [...at, 'states'], message: 'Không trạng thái nào có `phase: published`: sẽ không tin bài nào được đăng' });
  }

  const seen = new Map<string, number>();
  (w.transitions ?? []).forEach((t, i) => {
    (t.from ?? []).forEach((from, j) => {
      if (!states.has(from)) problems.push({ path: [...at, 'transitions', i, 'from', j], message: unknown(from) });
      const key = `${from}/${t.action}`;
      if (seen.has(key)) {
        problems.push({
          path: [...at, 'transitions', i, 'action'],
          message: `Hành động "${t.action}" từ ${from} trùng với transitions[${seen.get(key)}]`,
        });
      } else seen.set(key, i);
    });
    if (t.to && !states.has(t.to)) problems.push({ path: [...at, 'transitions', i, 'to'], message: unknown(t.to) });
  });

  if (w.initial && states.has(w.initial)) {
    const reached = new Set([w.initial]);
    for (let grew = true; grew;) {
      grew = false;
      for (const t of w.transitions ?? []) {
        if (t.to && !reached.has(t.to) && (t.from ?? []).some((f) => reached.has(f))) {
          reached.add(t.to);
          grew = true;
        }
      }
    }
    (w.states ?? []).forEach((s, i) => {
      if (s.id && !reached.has(s.id))
        problems.push({ path: [...at, 'states', i], message: `Không có bước chuyển nào đưa từ ${w.initial} đến trạng thái "${s.id}"` });
    });
  }
  return problems;
}

/**
 * Each item must enter exactly one workflow: every portal item of every unit kind, and every
 * sub-site item of the unit kinds that have a sub-site.
 */
function checkBindings(rules: RuleSet): LocatedMessage[] {
  const bindings = rules.workflowBindings ?? [];
  const workflowIds = new Set((rules.workflows ?? []).map((w) => w.id));
  const declared = (rules.unitKinds ?? []).map((k) => k.kind);
  const problems: LocatedMessage[] = [];
  const boundBy = new Map<string, number>();

  bindings.forEach((b, i) => {
    if (b.workflow && !workflowIds.has(b.workflow)) {
      problems.push({ path: ['workflowBindings', i, 'workflow'], message: `Quy trình "${b.workflow}" chưa khai báo trong \`workflows\`` });
    }
    (b.unitKinds ?? []).forEach((kind, k) => {
      if (!declared.includes(kind))
        problems.push({
          path: ['workflowBindings', i, 'unitKinds', k],
          message: `Loại đơn vị "${kind}" chưa khai báo trong \`unitKinds\``,
        });
    });
    const overlaps: string[] = [];
    for (const contentType of b.contentTypes ?? []) {
      for (const kind of b.unitKinds ?? declared) {
        const key = `${b.channel}|${contentType}|${kind}`;
        const earlier = boundBy.get(key);
        if (earlier !== undefined) overlaps.push(`${contentType}/${kind} (workflowBindings[${earlier}])`);
        else boundBy.set(key, i);
      }
    }
    if (overlaps.length > 0) {
      problems.push({
        path: ['workflowBindings', i],
        message: `Gán trùng quy trình cho nội dung đã được gán: ${b.channel} ${summarise(overlaps)}`,
      });
    }
  });

  if (bindings.length === 0) return problems;
  for (const channel of CHANNELS) {
    const kinds = channel === 'portal' ? declared : (rules.unitKinds ?? []).filter((k) => k.subsite).map((k) => k.kind);
    const missing = kinds.flatMap((kind) =>
      CONTENT_TYPES.filter((t) => !boundBy.has(`${channel}|${t}|${kind}`)).map((t) => `${t}/${kind}`),
    );
    if (missing.length > 0) {
      problems.push({ path: ['workflowBindings'], message: `Chưa gán quy trình cho nội dung kênh ${channel}: ${summarise(missing)}` });
    }
  }
  return problems;
}

function summarise(items: string[]): string {
  return items.length <= 4 ? items.join(', ') : `${items.slice(0, 4).join(', ')} và ${items.length - 4} mục khác`;
}
