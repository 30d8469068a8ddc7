import { ROLES } from '@cong/rules';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GUIDE_ROLES } from '../src/help/guide-roles';

const root = join(__dirname, '../../..');
const guides = join(root, 'docs/huong-dan');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** Every screenshot the console's browser tests take (`screenshot(page, 'name')`), by name. */
function screenshotsTaken(): Set<string> {
  const dir = join(root, 'apps/admin/test');
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => [...readFileSync(join(dir, f), 'utf8').matchAll(/screenshot\(\w+, '([a-z0-9-]+)'\)/g)].map((m) => m[1]));
  return new Set(names);
}

/** The console's menu entries, as app-shell.tsx labels them. */
const menuLabels = () => new Set([...read('apps/admin/src/layout/app-shell.tsx').matchAll(/label: '([^']+)'/g)].map((m) => m[1]));

/**
 * NA-7.2e (help for officials): the Vietnamese user guides of docs/huong-dan, one per role, shown in
 * the console under "Hướng dẫn sử dụng". Kept true by the browser tests that take their screenshots:
 * a guide showing a screenshot no test takes any more, or naming a menu entry the console no longer
 * has, fails here.
 */
describe('user guides per role (NA-7.2e)', () => {
  const slugs = Object.keys(GUIDE_ROLES);

  it('NA-7.2e: every role has its guide, and the index lists each one', () => {
    const covered = Object.values(GUIDE_ROLES).flat();
    expect(ROLES.filter((role) => !covered.includes(role))).toEqual([]);
    const index = read('docs/huong-dan/README.md');
    for (const slug of slugs) {
      expect({ slug, exists: existsSync(join(guides, `${slug}.md`)) }).toEqual({ slug, exists: true });
      expect({ slug, indexed: index.includes(`](${slug}.md)`) }).toEqual({ slug, indexed: true });
    }
  });

  it('NA-7.2e: each screenshot a guide shows is taken by a browser test; each menu entry it names exists; each link leads to a guide', () => {
    const taken = screenshotsTaken();
    const labels = menuLabels();
    const problems: string[] = [];
    for (const file of readdirSync(guides).filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(join(guides, file), 'utf8');
      if (!/^# \S/.test(text)) problems.push(`${file}: no title`);
      for (const [, name] of text.matchAll(/\]\(\.\.\/admin\/([a-z0-9-]+)\.png\)/g)) {
        if (!taken.has(name)) problems.push(`${file}: screenshot ${name}.png is taken by no browser test`);
        if (!existsSync(join(root, 'docs/admin', `${name}.png`))) problems.push(`${file}: docs/admin/${name}.png is missing`);
      }
      for (const [, label] of text.matchAll(/[Mm]ục\s+\*\*([^*]+)\*\*/g)) {
        if (!labels.has(label)) problems.push(`${file}: no menu entry "${label}"`);
      }
      for (const [, target] of text.matchAll(/\]\(([a-z-]+\.md)\)/g)) {
        if (!existsSync(join(guides, target))) problems.push(`${file}: link to a missing guide ${target}`);
      }
      for (const [, image] of text.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)) {
        if (!image.startsWith('../admin/')) problems.push(`${file}: image ${image} is not a console screenshot`);
      }
    }
    expect(problems).toEqual([]);
  });
});
