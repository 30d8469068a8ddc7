import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  BRIEF_COPY,
  buildTrace,
  findBrief,
  sharedBrief,
  ORGANISATIONAL,
  OUTPUT,
  parseBrief,
  renderTrace,
  ROOT,
  testTitles,
  type Trace,
} from './traceability';

let trace: Trace;
beforeAll(() => {
  trace = buildTrace();
});
const row = (id: string) => trace.rows.find((r) => r.id === id)!;

describe('the traceability matrix (issue 20, docs/traceability.md)', () => {
  it("the repository's copy of BRIEF.md is shared/seeds/BRIEF.md, where that is beside the checkout", () => {
    const shared = sharedBrief();
    if (shared) expect(readFileSync(join(ROOT, BRIEF_COPY), 'utf8')).toBe(readFileSync(shared, 'utf8'));
    else expect(readFileSync(join(ROOT, BRIEF_COPY), 'utf8')).toMatch(/\| NA-8\.2 \|/);
  });

  it('docs/traceability.md is what the script writes (if this fails: run `npm run trace`)', () => {
    const committed = readFileSync(join(ROOT, OUTPUT), 'utf8');
    const generated = renderTrace(trace);
    expect(committed === generated ? 'current' : 'stale: run `npm run trace`').toBe('current');
    expect(committed).toBe(generated);
  });

  it('no rule file and no test name cites an ID that BRIEF.md does not have', () => {
    expect(trace.unknown.map((c) => `${c.file}:${c.line}: ${c.text}`)).toEqual([]);
  });

  it('reads every requirement of BRIEF.md, 23 of Nghệ An and 14 of Lào Cai, IDs with ranges whole', () => {
    const requirements = parseBrief(readFileSync(findBrief(), 'utf8'));
    expect(requirements.filter((r) => r.province === 'Nghệ An')).toHaveLength(23);
    expect(requirements.filter((r) => r.province === 'Lào Cai')).toHaveLength(14);
    expect(requirements.find((r) => r.id === 'NA-7.2a-c')).toMatchObject({ article: 'Đ7.2' });
    expect(requirements.find((r) => r.id === 'NA-8.2')!.title).toBe(
      'Quota: every week each unit posts at least 2 items about its activities and its sector.',
    );
    expect(trace.rows.map((r) => r.id)).toEqual(requirements.map((r) => r.id));
  });

  it('the weekly quota of Nghệ An and the update days of Lào Cai are traced to their rule, code and tests', () => {
    const lineOf = (file: string, text: string) => readFileSync(join(ROOT, file), 'utf8').split('\n').indexOf(text) + 1;
    const quota = row('NA-8.2');
    expect(quota.status).toBe('traced');
    expect(quota.rules).toContainEqual({
      file: 'tenants/nghe-an/tenant.yaml',
      line: lineOf('tenants/nghe-an/tenant.yaml', '    requirement: NA-8.2'),
      text: 'requirement',
    });
    expect(quota.rules.every((c) => c.file.startsWith('tenants/nghe-an/'))).toBe(true);
    expect(quota.code.map((c) => c.file)).toContain('libs/compliance/src/lib/evaluators/quota.evaluator.ts');
    expect(quota.tests.map((t) => t.file)).toContain('libs/compliance/src/lib/evaluators/evaluators.spec.ts');
    expect(quota.code.filter((c) => /\.(spec|int-spec|e2e-spec)\.ts$/.test(c.file))).toEqual([]);
    const days = row('LC-2.3a');
    expect(days.status).toBe('traced');
    expect(days.rules).toContainEqual({
      file: 'tenants/lao-cai/tenant.yaml',
      line: lineOf('tenants/lao-cai/tenant.yaml', '    requirement: LC-2.3a'),
      text: 'requirement',
    });
  });

  it('lists as organisational only requirements of BRIEF.md that nothing implements and tests', () => {
    for (const id of Object.keys(ORGANISATIONAL)) expect([id, row(id)?.status]).toEqual([id, 'organisational']);
  });

  it('finds test titles in describe, it, test and it.each forms, with the line of the title', () => {
    const src = [
      "describe('NA-8.2: quotas', () => {",
      "  it.each(TYPES.map((t) => [t, ')']))('%s (LC-2.3a) round-trips', () => {});",
      '  it.each`',
      '    a | b',
      "  `('table $a', () => {});",
      '  test(`NA-9:',
      '    multi-line`, () => {});',
      "  expect(fit('not a test')).toBe(1);",
      '});',
    ].join('\n');
    expect(testTitles(src)).toEqual([
      { line: 1, title: 'NA-8.2: quotas' },
      { line: 2, title: '%s (LC-2.3a) round-trips' },
      { line: 5, title: 'table $a' },
      { line: 6, title: 'NA-9: multi-line' },
    ]);
  });

  describe('on a checkout with a stray ID and a rule without a requirement', () => {
    let root: string;
    beforeAll(() => {
      root = mkdtempSync(join(tmpdir(), 'cong-trace-'));
      const files: Record<string, string> = {
        'BRIEF.md':
          '## Nghệ An\n| ID | Article | Requirement |\n|---|---|---|\n| NA-8.2 | Đ8.2 | **Quota** of two items. |\n| NA-4 | Đ4 | Duty to provide. |\n| NA-5.7 | Đ5.7 | Other information. |\n',
        'tenants/x/tenant.yaml':
          'quotas:\n  - id: weekly\n    requirement: NA-8.2\n  - id: unsourced\n    min: 1\n# NA-12.1: not in the brief\n',
        'tenants/x/units.yaml': 'units: []\n',
        'libs/a/src/quota.ts': '// NA-8.2 and NA-5 (a group)\n',
        'libs/a/src/quota.spec.ts': "it('NA-8.2: counts', () => {});\ndescribe('NA-99.1: no such article', () => {});\n",
        'docs/a.md': 'NA-4 is decided by the province.\n',
      };
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(dirname(join(root, file)), { recursive: true });
        writeFileSync(join(root, file), text);
      }
    });
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it('reports the stray IDs with their places, the rule without a requirement, and each status', () => {
      const fixture = buildTrace(root, readFileSync(join(root, 'BRIEF.md'), 'utf8'));
      expect(fixture.unknown).toEqual([
        { file: 'tenants/x/tenant.yaml', line: 6, text: 'NA-12.1' },
        { file: 'libs/a/src/quota.spec.ts', line: 2, text: 'NA-99.1' },
      ]);
      expect(fixture.unrequired).toEqual([{ file: 'tenants/x/tenant.yaml', line: 4, section: 'quotas', id: 'unsourced' }]);
      expect(fixture.otherReferences).toEqual([{ file: 'libs/a/src/quota.ts', line: 1, text: 'NA-5' }]);
      expect(fixture.rows.map((r) => [r.id, r.status])).toEqual([
        ['NA-8.2', 'traced'],
        ['NA-4', 'organisational'],
        ['NA-5.7', 'not covered'],
      ]);
      expect(renderTrace(fixture)).toContain('- `tenants/x/tenant.yaml`: quotas `unsourced` (line 4)');
    });

    it('`npm run trace` writes the matrix and exits 1, naming each stray ID with file:line', () => {
      const result = spawnSync(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'scripts/dev/trace.ts')], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, TRACE_ROOT: root, TRACE_BRIEF: join(root, 'BRIEF.md') },
      });
      expect(result.stderr).toContain('tenants/x/tenant.yaml:6: NA-12.1\n');
      expect(result.stderr).toContain('libs/a/src/quota.spec.ts:2: NA-99.1\n');
      expect(result.status).toBe(1);
      expect(readFileSync(join(root, OUTPUT), 'utf8')).toBe(renderTrace(buildTrace(root, readFileSync(join(root, 'BRIEF.md'), 'utf8'))));
    });
  });
});
