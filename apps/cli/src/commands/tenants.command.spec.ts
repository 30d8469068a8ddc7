import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCong } from '../../test/run-cong';
import { EXIT } from '../cong';

const cong = (args: string[]) => runCong(args);

const RULES = `code: thu-nghiem
name: Tỉnh Thử Nghiệm
timezone: Asia/Ho_Chi_Minh
portal: { title: Cổng thử nghiệm, domains: [thunghiem.gov.vn] }
legalBasis: { document: 01/2026/QĐ-UBND, signedOn: 2026-01-05, inForceAfterDays: 10 }
unitKinds: [{ kind: department }]
quotas:
  - { id: weekly, requirement: NA-8.2, period: week, min: 2, appliesTo: { unitKinds: [department] } }
`;

describe('cong tenants validate', () => {
  const root = mkdtempSync(join(tmpdir(), 'cong-tenants-'));
  const folder = (name: string, text?: string) => {
    const dir = join(root, name);
    mkdirSync(dir, { recursive: true });
    if (text !== undefined) writeFileSync(join(dir, 'tenant.yaml'), text);
    return dir;
  };

  it('NA-8.2: accepts a valid folder (exit 0)', async () => {
    const result = await cong(['tenants', 'validate', folder('ok', RULES)]);
    expect(result.code).toBe(EXIT.ok);
    expect(result.output).toMatch(/tenant\.yaml: valid — thu-nghiem \(Tỉnh Thử Nghiệm\), 1 quota\(s\), 0 schedule\(s\)/);
  });

  it('prints every problem and exits 1 for an invalid file', async () => {
    const result = await cong(['tenants', 'validate', folder('bad', RULES.replace('period: week', 'period: fortnight').replace('min: 2', 'min: 0'))]);
    expect(result.code).toBe(EXIT.invalidInput);
    expect(result.output).toContain('tenant.yaml:8 quotas[0].period: "fortnight" is not one of week, month, quarter, half-year, year');
    expect(result.output).toContain('tenant.yaml:8 quotas[0].min: must not be less than 1');
    expect(result.output).toContain('2 problems.');
  });

  it('exits 2 for a missing folder, a folder without tenant.yaml, or a missing argument', async () => {
    expect((await cong(['tenants', 'validate', join(root, 'nowhere')])).code).toBe(EXIT.usage);
    const empty = await cong(['tenants', 'validate', folder('empty')]);
    expect(empty).toMatchObject({ code: EXIT.usage });
    expect(empty.output).toContain('has no tenant.yaml');
    expect((await cong(['tenants', 'validate'])).code).toBe(EXIT.usage);
  });
});
