/**
 * The traceability matrix of docs/traceability.md (issue 20): for every requirement ID of the two
 * provincial decisions (shared/seeds/BRIEF.md), the rule-file lines that cite it, the code that
 * mentions it, the tests whose names carry it and the docs that explain it, and a status.
 * `npm run trace` (scripts/dev/trace.ts) writes the file; scripts/dev/trace.spec.ts fails while the
 * committed file differs from what this renders, or while a rule file or a test name cites an ID
 * that BRIEF.md does not have. Output is sorted and has no timestamps, so it is stable.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';

export const ROOT = join(__dirname, '../..');
export const OUTPUT = 'docs/traceability.md';

/** A requirement ID as the repository writes it: NA-8.2, LC-2.1.1, LC-2.3a, NA-7.2a-c. */
const ID_PATTERN = /\b(?:NA|LC)-\d+(?:\.\d+)*(?:[a-z](?:-[a-z])?)?(?![\w.-]*\d)/g;

export type Status = 'traced' | 'partial' | 'organisational' | 'not covered';

/**
 * Requirements about how a province organises itself rather than about software. Each names the
 * part of the platform that serves it; none of them is a rule the platform could enforce.
 */
export const ORGANISATIONAL: Readonly<Record<string, string>> = {
  // A duty of units and their heads; the platform keeps who wrote and who published each item
  // (revisions and the workflow history) so that the answerable head can be named.
  'NA-4': 'authorship and publication history of every item (libs/content, libs/workflow)',
  // Units' duty to update accurately and honestly; heads answer for content, as NA-4.
  'LC-1.2': 'authorship and publication history of every item (libs/content, libs/workflow)',
};

export interface Requirement {
  id: string;
  article: string;
  title: string;
  province: 'Nghệ An' | 'Lào Cai';
}

export interface Citation {
  file: string;
  line: number;
  /** For rule files: the `requirement:` field or a comment/other text; for tests: the title. */
  text: string;
}

export interface Row extends Requirement {
  rules: Citation[];
  code: Citation[];
  tests: Citation[];
  docs: Citation[];
  status: Status;
}

export interface UnrequiredRule {
  file: string;
  line: number;
  section: string;
  id: string;
}

export interface Trace {
  rows: Row[];
  /** IDs cited in a rule file or a test name that BRIEF.md does not have: errors. */
  unknown: Citation[];
  /** IDs in code or docs that BRIEF.md does not have (mostly group references such as NA-5). */
  otherReferences: Citation[];
  unrequired: UnrequiredRule[];
  /** The tenant.yaml files read, one per province. */
  tenantFiles: string[];
}

/** The copy of BRIEF.md the repository carries, so a clone anywhere traces (kept equal to shared's by a test). */
export const BRIEF_COPY = 'docs/requirements/BRIEF.md';

/** shared/seeds/BRIEF.md above the checkout (where CI lays it out), or null. */
export function sharedBrief(root = ROOT): string | null {
  for (let dir = root; ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared/seeds/BRIEF.md');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

/** BRIEF.md named by TRACE_BRIEF, else the shared one beside the repository, else the repository's copy. */
export function findBrief(root = ROOT): string {
  if (process.env['TRACE_BRIEF']) return process.env['TRACE_BRIEF'];
  return sharedBrief(root) ?? join(root, BRIEF_COPY);
}

/** The table rows of BRIEF.md: `| NA-8.2 | Đ8.2 | Requirement … |`, under a "## Nghệ An"/"## Lào Cai" heading. */
export function parseBrief(text: string): Requirement[] {
  const requirements: Requirement[] = [];
  for (const line of text.split('\n')) {
    const row = /^\|\s*((?:NA|LC)-[^|\s]+)\s*\|\s*([^|]*?)\s*\|\s*(.*?)\s*\|\s*$/.exec(line);
    if (!row) continue;
    const [, id, article, title] = row;
    requirements.push({ id, article, title: title.replace(/\*\*/g, ''), province: id.startsWith('NA-') ? 'Nghệ An' : 'Lào Cai' });
  }
  return requirements;
}

const SKIP_DIRS = new Set(['node_modules', 'dist', 'coverage', 'tmp', 'out-tsc']);

function walk(dir: string, root: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.') && !SKIP_DIRS.has(e.name))
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name), root) : [relative(root, join(dir, e.name)).split(sep).join('/')]))
    .sort();
}

const isSpec = (file: string) => /\.(spec|int-spec|e2e-spec)\.ts$/.test(file);
/** Source of the apps and libraries; the test helpers of libs/testing are not implementation. */
const isCode = (file: string) => /\.(ts|mjs|js)$/.test(file) && !isSpec(file) && !file.startsWith('libs/testing/');

function idsOn(file: string, text: string): Citation[] {
  const found: Citation[] = [];
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(ID_PATTERN)) found.push({ file, line: i + 1, text: m[0] });
  });
  return found;
}

/** The position just past a balanced (…) or […] starting at `start`, skipping string literals. */
function skipBalanced(src: string, start: number): number {
  let depth = 0;
  for (let i = start; i < src.length; i++) {
    const c = src[i];
    if (c === '"' || c === "'" || c === '`') i = skipString(src, i) - 1;
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return src.length;
}

function skipString(src: string, start: number): number {
  const quote = src[start];
  for (let i = start + 1; i < src.length; i++) {
    if (src[i] === '\\') i++;
    else if (src[i] === quote) return i + 1;
  }
  return src.length;
}

/** The titles of `describe(`, `it(`, `test(` and their `.each(…)(`, `.only(`, `.skip(` forms. */
export function testTitles(src: string): { line: number; title: string }[] {
  const titles: { line: number; title: string }[] = [];
  const call = /(?<![\w.$])(?:describe|it|test)(?:\.(?:only|skip|concurrent|todo))?(\.each)?\s*(?=[(`])/g;
  for (let m = call.exec(src); m; m = call.exec(src)) {
    let i = m.index + m[0].length;
    if (m[1]) i = src[i] === '`' ? skipString(src, i) : skipBalanced(src, i);
    while (/\s/.test(src[i] ?? '')) i++;
    if (src[i] !== '(') continue;
    i++;
    while (/\s/.test(src[i] ?? '')) i++;
    if (!['"', "'", '`'].includes(src[i] ?? '')) continue;
    const end = skipString(src, i);
    titles.push({ line: src.slice(0, i).split('\n').length, title: src.slice(i + 1, end - 1).replace(/\s+/g, ' ') });
    call.lastIndex = end;
  }
  return titles;
}

/** Top-level lists of a tenant.yaml whose entries have an `id:` but no `requirement:`. */
export function unrequiredRules(file: string, text: string): UnrequiredRule[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const found: UnrequiredRule[] = [];
  if (!isMap(doc.contents)) return found;
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || !isSeq(pair.value)) continue;
    for (const entry of pair.value.items) {
      if (!isMap(entry) || !entry.has('id') || entry.has('requirement')) continue;
      const offset = entry.range?.[0] ?? 0;
      found.push({ file, line: lineCounter.linePos(offset).line, section: String(pair.key.value), id: String(entry.get('id')) });
    }
  }
  return found;
}

export function buildTrace(root = ROOT, briefText = readFileSync(findBrief(root), 'utf8')): Trace {
  const requirements = parseBrief(briefText);
  const known = new Set(requirements.map((r) => r.id));
  const read = (file: string) => readFileSync(join(root, file), 'utf8');

  const ruleFiles = readdirSync(join(root, 'tenants'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => ['tenant.yaml', 'units.yaml'].map((f) => `tenants/${e.name}/${f}`))
    .filter((f) => existsSync(join(root, f)))
    .sort();
  const sources = [...walk(join(root, 'apps'), root), ...walk(join(root, 'libs'), root), ...walk(join(root, 'scripts'), root)];
  const docFiles = [
    // The matrix itself and the copy of the brief are not docs that explain a requirement.
    ...walk(join(root, 'docs'), root).filter((f) => f.endsWith('.md') && f !== OUTPUT && f !== BRIEF_COPY),
    'tenants/README.md',
    'README.md',
  ].filter((f) => existsSync(join(root, f)));

  const rules = ruleFiles.flatMap((f) => {
    const lines = read(f).split('\n');
    return idsOn(f, read(f)).map((c) => ({ ...c, kind: /^\s*(?:-\s*)?requirement:/.test(lines[c.line - 1]) ? 'requirement' : 'comment' }));
  });
  const code = sources.filter((f) => isCode(f) && !f.startsWith('scripts/')).flatMap((f) => idsOn(f, read(f)));
  // The matrix's own spec is about the matrix, not evidence for a requirement.
  const tests = sources
    .filter((f) => isSpec(f) && f !== 'scripts/dev/trace.spec.ts')
    .flatMap((f) =>
      testTitles(read(f)).flatMap((t) =>
        [...new Set(t.title.match(ID_PATTERN) ?? [])].map((id) => ({ file: f, line: t.line, id, text: t.title })),
      ),
    );
  const docs = docFiles.flatMap((f) => idsOn(f, read(f)));

  const rows = requirements.map((r): Row => {
    const row = {
      ...r,
      rules: rules.filter((c) => c.text === r.id).map((c) => ({ file: c.file, line: c.line, text: c.kind })),
      code: code.filter((c) => c.text === r.id),
      tests: tests.filter((t) => t.id === r.id).map((t) => ({ file: t.file, line: t.line, text: t.text })),
      docs: docs.filter((c) => c.text === r.id),
    };
    const implemented = row.rules.length + row.code.length > 0;
    const status: Status =
      implemented && row.tests.length > 0
        ? 'traced'
        : r.id in ORGANISATIONAL
          ? 'organisational'
          : implemented || row.tests.length > 0 || row.docs.length > 0
            ? 'partial'
            : 'not covered';
    return { ...row, status };
  });

  const unknown = [
    ...rules.filter((c) => !known.has(c.text)).map((c) => ({ file: c.file, line: c.line, text: c.text })),
    ...tests.filter((t) => !known.has(t.id)).map((t) => ({ file: t.file, line: t.line, text: t.id })),
  ];
  const otherReferences = [...code, ...docs].filter((c) => !known.has(c.text));
  const tenantFiles = ruleFiles.filter((f) => f.endsWith('/tenant.yaml'));
  const unrequired = tenantFiles.flatMap((f) => unrequiredRules(f, read(f)));
  return { rows, unknown, otherReferences, unrequired, tenantFiles };
}

/**
 * The files, in order, without line numbers: code and docs are edited all the time, and a matrix
 * that changed with every edit above a mention would be stale after most commits.
 */
function places(citations: Citation[]): string {
  return [...new Set(citations.map((c) => c.file))].map((file) => `\`${file}\``).join('; ');
}

const escape = (s: string) => s.replace(/\|/g, '\\|');

export function renderTrace(trace: Trace): string {
  const out: string[] = [];
  const count = (s: Status) => trace.rows.filter((r) => r.status === s).length;
  out.push(
    '# Traceability matrix',
    '',
    '<!-- Generated by `npm run trace` (scripts/dev/traceability.ts); do not edit. scripts/dev/trace.spec.ts fails while this file is stale. -->',
    '',
    'Every requirement of the two provincial decisions (the IDs of shared/seeds/BRIEF.md), with the',
    'rule-file lines that cite it (`tenants/*/tenant.yaml`, `units.yaml`), the source under `apps/`',
    'and `libs/` that mentions it (specs and the test helpers of `libs/testing` excluded),',
    'the tests whose `describe`/`it`/`test` titles carry it, and the docs (`docs/*.md`,',
    '`tenants/README.md`, `README.md`) that mention it. How it is made: docs/architecture.md,',
    '"Traceability".',
    '',
    'Status: **traced** — a rule or code, and a test; **partial** — some of these but not both;',
    '**organisational** — about how the province organises itself, not software (the list, each with',
    'its reason, is `ORGANISATIONAL` in the script); **not covered** — nothing mentions it.',
    '',
    `${trace.rows.length} requirements: ${(['traced', 'partial', 'organisational', 'not covered'] as Status[]).map((s) => `${count(s)} ${s}`).join(', ')}.`,
    '',
    '## Summary',
    '',
    '| ID | Requirement | Status | Rules | Code | Tests | Docs |',
    '|---|---|---|---|---|---|---|',
  );
  for (const r of trace.rows) {
    const short = r.title.length > 90 ? `${r.title.slice(0, 89).trimEnd()}…` : r.title;
    out.push(
      `| [${r.id}](#${r.id.toLowerCase().replace(/\./g, '')}) | ${escape(short)} | ${r.status} | ${r.rules.length} | ${new Set(r.code.map((c) => c.file)).size} | ${r.tests.length} | ${new Set(r.docs.map((c) => c.file)).size} |`,
    );
  }
  out.push(
    '',
    'Rules: rule-file lines; Code: source files; Tests: test files and titles; Docs: documents (files without line numbers, so that edits elsewhere in them leave the matrix current).',
    '',
  );

  out.push(
    '## Rules without a requirement',
    '',
    'Entries with an `id:` in the lists of a `tenant.yaml` (quotas, schedules, deadlines, workflows, reports, …) that carry no `requirement`.',
    '',
  );
  for (const file of trace.tenantFiles) {
    const list = trace.unrequired.filter((u) => u.file === file);
    out.push(`- \`${file}\`: ${list.length ? list.map((u) => `${u.section} \`${u.id}\` (line ${u.line})`).join(', ') : 'none'}`);
  }
  out.push('');

  out.push(
    '## Unknown IDs',
    '',
    'IDs cited in a rule file or a test name that BRIEF.md does not have (`npm run trace` fails while there are any):',
    '',
  );
  out.push(trace.unknown.length ? trace.unknown.map((c) => `- \`${c.file}:${c.line}\`: ${c.text}`).join('\n') : 'None.', '');
  out.push(
    '## Other references',
    '',
    'Code and docs that name something BRIEF.md has no ID for — mostly a group of requirements (NA-5 for',
    'NA-5.1 to NA-5.7, LC-2.1 for LC-2.1.1 to LC-2.1.3) or a finer point of one (LC-2.1.1a). They count',
    'for no requirement above.',
    '',
  );
  const otherIds = [...new Set(trace.otherReferences.map((c) => c.text))].sort();
  out.push(
    otherIds.length ? otherIds.map((id) => `- ${id}: ${places(trace.otherReferences.filter((c) => c.text === id))}`).join('\n') : 'None.',
    '',
  );

  for (const province of ['Nghệ An', 'Lào Cai'] as const) {
    out.push(`## ${province}`, '');
    for (const r of trace.rows.filter((x) => x.province === province)) {
      out.push(`### ${r.id}`, '', `${r.article} — ${escape(r.title)}`, '', `Status: **${r.status}**`, '');
      if (r.id in ORGANISATIONAL) out.push(`- Organisational; the platform's part: ${ORGANISATIONAL[r.id]}`);
      out.push(
        `- Rules: ${r.rules.length ? r.rules.map((c) => `\`${c.file}:${c.line}\`${c.text === 'requirement' ? ' (requirement)' : ''}`).join(', ') : '—'}`,
      );
      out.push(`- Code: ${r.code.length ? places(r.code) : '—'}`);
      out.push(`- Docs: ${r.docs.length ? places(r.docs) : '—'}`);
      out.push(`- Tests:${r.tests.length ? '' : ' —'}`);
      for (const t of r.tests) out.push(`  - \`${t.file}\` ${escape(t.text).replace(/([*_<>])/g, '\\$1')}`);
      out.push('');
    }
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
