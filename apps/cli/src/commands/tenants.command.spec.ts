import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCong } from '../../test/run-cong';
import { EXIT } from '../cong';

const cong = (args: string[]) => runCong(args);
const EXAMPLE = join(__dirname, '../../../../libs/rules/test/fixtures/tinh-mau');

describe('cong tenants validate', () => {
  const root = mkdtempSync(join(tmpdir(), 'cong-tenants-'));
  /** A copy of the example province under `name`, with `edit` applied to its tenant.yaml. */
  const folder = (name: string, edit: (rules: string) => string = (r) => r) => {
    const dir = join(root, name);
    cpSync(EXAMPLE, dir, { recursive: true });
    writeFileSync(
      join(dir, 'tenant.yaml'),
      edit(readFileSync(join(EXAMPLE, 'tenant.yaml'), 'utf8')).replace('code: tinh-mau', `code: ${name}`),
    );
    return dir;
  };

  it('accepts a valid folder (exit 0) and says what it holds', async () => {
    const result = await cong(['tenants', 'validate', folder('tinh-hop-le')]);
    expect(result.code).toBe(EXIT.ok);
    expect(result.output).toMatch(/valid — tinh-hop-le \(Tỉnh Mẫu\), 5 units, 3 quotas, 0 schedules, 2 deadlines, 1 workflow, 1 report/);
  });

  it('prints every problem and exits 1 for invalid files', async () => {
    const dir = folder('tinh-loi', (r) => r.replace('period: month, min: 8', 'period: fortnight, min: 0'));
    writeFileSync(
      join(dir, 'units.yaml'),
      'units:\n  - { code: a, name: Đơn vị A, kind: department }\n  - { code: a, name: Đơn vị A, kind: department }\n',
    );
    const result = await cong(['tenants', 'validate', dir]);
    expect(result.code).toBe(EXIT.invalidInput);
    expect(result.output).toContain(
      'tinh-loi/tenant.yaml:29 quotas[0].period: `period` không nhận giá trị "fortnight": phải là một trong week, month, quarter, half-year, year',
    );
    expect(result.output).toContain('tinh-loi/tenant.yaml:29 quotas[0].min: `min` không được nhỏ hơn 1');
    expect(result.output).toContain('tinh-loi/units.yaml:3 units[1].code: Mã đơn vị "a" bị trùng (đã có ở mục [0])');
    expect(result.output).toContain('3 problems.');
  });

  it("reports the checks across the two files in the same round as tenant.yaml's own problems", async () => {
    const dir = folder('tinh-mot-luot', (r) => r.replace('period: month, min: 8', 'period: fortnight, min: 8'));
    writeFileSync(
      join(dir, 'units.yaml'),
      `${readFileSync(join(EXAMPLE, 'units.yaml'), 'utf8')}  - { code: bao-mau, name: Báo Mẫu, kind: press, parent: ubnd-tinh }\n`,
    );
    const result = await cong(['tenants', 'validate', join(root, 'tinh-mot-luot')]);
    expect(result.code).toBe(EXIT.invalidInput);
    expect(result.output).toContain(
      'tinh-mot-luot/tenant.yaml:29 quotas[0].period: `period` không nhận giá trị "fortnight": phải là một trong week, month, quarter, half-year, year',
    );
    expect(result.output).toContain(
      'tinh-mot-luot/units.yaml:7 units[5].kind: Loại đơn vị "press" chưa khai báo trong `unitKinds` của tenant.yaml',
    );
    expect(result.output).toContain('2 problems.');

    const lonely = folder('tinh-thieu-tep', (r) => r.replace('period: month, min: 8', 'period: fortnight, min: 8'));
    rmSync(join(lonely, 'units.yaml'));
    const missing = await cong(['tenants', 'validate', lonely]);
    expect(missing.output).toContain(
      'tinh-thieu-tep/tenant.yaml:29 quotas[0].period: `period` không nhận giá trị "fortnight": phải là một trong week, month, quarter, half-year, year',
    );
    expect(missing.output).toMatch(/tinh-thieu-tep\/units\.yaml:1 Thiếu tệp/);
  });

  it('exits 2 for a missing folder or argument, 1 for a folder without its files', async () => {
    expect((await cong(['tenants', 'validate', join(root, 'nowhere')])).code).toBe(EXIT.usage);
    expect((await cong(['tenants', 'validate'])).code).toBe(EXIT.usage);
    const emptyDir = join(root, 'empty');
    mkdirSync(emptyDir);
    const empty = await cong(['tenants', 'validate', emptyDir]);
    expect(empty.code).toBe(EXIT.invalidInput);
    expect(empty.output).toMatch(/empty\/tenant\.yaml:1 Thiếu tệp/);
  });
});
