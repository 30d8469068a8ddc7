import { RuleSet } from '../schema/rule-set.schema';
import { CHANNELS, CONTENT_TYPES } from '../schema/vocabulary';
import { Workflow } from '../schema/workflow.schema';
import { duplicates, itemsOf, keysOf, listOf, LocatedMessage, Validity } from './check-helpers';

/** Workflows are state machines: every reference resolves, every state is reachable, something publishes. */
export function checkWorkflows(rules: RuleSet, valid: Validity): LocatedMessage[] {
  return [...itemsOf(rules.workflows).flatMap(([w, i]) => checkWorkflow(w, ['workflows', i], valid)), ...checkBindings(rules, valid)];
}

function checkWorkflow(w: Workflow, at: (string | number)[], valid: Validity): LocatedMessage[] {
  const stateList = itemsOf(w.states).map(([s]) => s);
  const states = new Set(stateList.map((s) => s.id));
  // Which states there are is unknown when `states` was refused: nothing is checked against them.
  const statesKnown = keysOf(w.states, (s) => s.id) !== undefined;
  const transitions = itemsOf(w.transitions);
  const problems = duplicates(
    w.states,
    (s) => s.id,
    (i) => [...at, 'states', i, 'id'],
    'Trạng thái',
  );
  const unknown = (state: string) => `Trạng thái "${state}" chưa khai báo trong quy trình ${w.id} (${[...states].join(', ')})`;
  const initial = statesKnown && typeof w.initial === 'string' ? w.initial : undefined;

  if (initial && !states.has(initial)) problems.push({ path: [...at, 'initial'], message: unknown(initial) });
  else if (initial && stateList.find((s) => s.id === initial)?.phase !== 'editing') {
    problems.push({ path: [...at, 'initial'], message: '`initial` phải là một trạng thái soạn thảo (`phase: editing`)' });
  }
  if (stateList.length > 0 && !stateList.some((s) => s.phase === 'published')) {
    problems.push({ path: [...at, 'states'], message: 'Không trạng thái nào có `phase: published`: sẽ không tin bài nào được đăng' });
  }

  const seen = new Map<string, number>();
  transitions.forEach(([t, i]) => {
    listOf(t.from).forEach((from, j) => {
      if (typeof from !== 'string') return;
      if (statesKnown && !states.has(from)) problems.push({ path: [...at, 'transitions', i, 'from', j], message: unknown(from) });
      const key = `${from}/${t.action}`;
      if (seen.has(key)) {
        problems.push({
          path: [...at, 'transitions', i, 'action'],
          message: `Hành động "${t.action}" từ ${from} trùng với transitions[${seen.get(key)}]`,
        });
      } else seen.set(key, i);
    });
    if (statesKnown && typeof t.to === 'string' && t.to && !states.has(t.to))
      problems.push({ path: [...at, 'transitions', i, 'to'], message: unknown(t.to) });
  });

  // What is reachable rests on every step's `from` and `to`: not judged when the schema refused one.
  const stepsKnown =
    keysOf(w.transitions, (t) => t.action) !== undefined &&
    valid([...at, 'transitions', '*', 'from']) &&
    valid([...at, 'transitions', '*', 'to']);
  if (stepsKnown && initial && states.has(initial)) {
    const reached = new Set([initial]);
    for (let grew = true; grew;) {
      grew = false;
      for (const [t] of transitions) {
        if (t.to && !reached.has(t.to) && listOf(t.from).some((f) => reached.has(f))) {
          reached.add(t.to);
          grew = true;
        }
      }
    }
    itemsOf(w.states).forEach(([s, i]) => {
      if (s.id && !reached.has(s.id))
        problems.push({ path: [...at, 'states', i], message: `Không có bước chuyển nào đưa từ ${initial} đến trạng thái "${s.id}"` });
    });
  }
  return problems;
}

/**
 * Each item must enter exactly one workflow: every portal item of every unit kind, and every
 * sub-site item of the unit kinds that have a sub-site. What is left unbound is only said when
 * every binding is valid: one the schema refused might have been meant to bind it.
 */
function checkBindings(rules: RuleSet, valid: Validity): LocatedMessage[] {
  const bindings = itemsOf(rules.workflowBindings);
  const workflowIds = keysOf(rules.workflows, (w) => w.id);
  // Which kinds there are is unknown when `unitKinds` was refused: bindings are then not checked against them.
  const kindsKnown = keysOf(rules.unitKinds, (k) => k.kind) !== undefined;
  const unitKinds = kindsKnown ? rules.unitKinds : [];
  const declared = unitKinds.map((k) => k.kind);
  const problems: LocatedMessage[] = [];
  const boundBy = new Map<string, number>();

  bindings.forEach(([b, i]) => {
    if (workflowIds && typeof b.workflow === 'string' && b.workflow && !workflowIds.has(b.workflow)) {
      problems.push({ path: ['workflowBindings', i, 'workflow'], message: `Quy trình "${b.workflow}" chưa khai báo trong \`workflows\`` });
    }
    listOf(b.unitKinds).forEach((kind, k) => {
      if (kindsKnown && valid(['workflowBindings', i, 'unitKinds', k]) && !declared.includes(kind))
        problems.push({
          path: ['workflowBindings', i, 'unitKinds', k],
          message: `Loại đơn vị "${kind}" chưa khai báo trong \`unitKinds\``,
        });
    });
    const overlaps: string[] = [];
    for (const contentType of listOf(b.contentTypes)) {
      for (const kind of b.unitKinds === undefined ? declared : listOf(b.unitKinds)) {
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

  if (bindings.length === 0 || !kindsKnown || !valid(['workflowBindings'])) return problems;
  for (const channel of CHANNELS) {
    const kinds = channel === 'portal' ? declared : unitKinds.filter((k) => k.subsite).map((k) => k.kind);
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
