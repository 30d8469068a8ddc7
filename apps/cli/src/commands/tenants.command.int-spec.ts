import { TestDatabase } from '@cong/testing';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCong } from '../../test/run-cong';
import { EXIT } from '../cong';

const TENANTS = join(__dirname, '../../../../tenants');

describe('cong tenants diff|apply|list|versions|compare', () => {
  let db: TestDatabase;
  let env: NodeJS.ProcessEnv;
  const cong = (...args: string[]) => runCong(args, env);
  const work = mkdtempSync(join(tmpdir(), 'cong-apply-'));

  beforeAll(async () => {
    db = await TestDatabase.create();
    env = {
      DATABASE_URL: db.ownerUrl,
      DATABASE_APP_ROLE: process.env.DATABASE_APP_ROLE,
      DATABASE_APP_PASSWORD: process.env.DATABASE_APP_PASSWORD,
    };
    cpSync(join(TENANTS, 'lao-cai'), join(work, 'lao-cai'), { recursive: true });
  });
  afterAll(() => db.drop());

  it('lists no provinces before any is applied', async () => {
    expect(await cong('tenants', 'list')).toEqual({
      code: EXIT.ok,
      output: 'No provinces yet. Onboard one: cong tenants apply tenants/<code>',
    });
  });

  it('--dry-run shows the plan and writes nothing; apply writes it; apply again changes nothing', async () => {
    const dry = await cong('tenants', 'apply', join(work, 'lao-cai'), '--dry-run');
    expect(dry.code).toBe(EXIT.ok);
    expect(dry.output).toMatch(/^tỉnh lao-cai: tạo mới\n\+ tên miền laocai\.gov\.vn \(chính\)\n/);
    expect(dry.output).toContain('+ đơn vị bao-lao-cai (press) Báo Lào Cai');
    expect(dry.output).toMatch(/quy tắc: phiên bản 1, hiệu lực từ 24\/02\/2006\n\(dry run: nothing was written\)$/);
    expect((await cong('tenants', 'list')).output).toMatch(/^No provinces yet/);

    const applied = await cong('tenants', 'apply', join(work, 'lao-cai'));
    expect(applied.output).toMatch(/Applied lao-cai\.$/);
    const again = await cong('tenants', 'apply', join(work, 'lao-cai'));
    expect(again).toEqual({
      code: EXIT.ok,
      output: 'quy tắc: không đổi (phiên bản 1, hiệu lực từ 24/02/2006)\nlao-cai is up to date; nothing changed.',
    });
    expect((await cong('tenants', 'list')).output).toBe(
      'lao-cai\tTỉnh Lào Cai\tactive\tlaocai.gov.vn, www.laocai.gov.vn\trules v1 (from 2006-02-24)\t34 units',
    );
  });

  it('LC-2.3a: diff shows a changed schedule; apply makes version 2; compare and versions show it', async () => {
    const file = join(work, 'lao-cai', 'tenant.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('weekdays: [MON, WED, FRI]', 'weekdays: [MON, TUE, WED, THU, FRI]'));
    const diff = await cong('tenants', 'diff', join(work, 'lao-cai'), '--effective-from', '2027-01-04');
    expect(diff).toEqual({
      code: EXIT.ok,
      output:
        'quy tắc: phiên bản 2, hiệu lực từ 04/01/2027\n  ~ schedules[update-days].weekdays: [MON, WED, FRI] → [MON, TUE, WED, THU, FRI]',
    });
    const applied = await cong('tenants', 'apply', join(work, 'lao-cai'), '--effective-from', '2027-01-04', '--note', 'QĐ sửa đổi 01/2027');
    expect(applied.code).toBe(EXIT.ok);

    const versions = await cong('tenants', 'versions', 'lao-cai');
    expect(versions.output).toMatch(/^v2\tfrom 2027-01-04\tapplied .* by cli:\S+\tQĐ sửa đổi 01\/2027\nv1\tfrom 2006-02-24\t/);
    expect((await cong('tenants', 'compare', 'lao-cai', '1', '2')).output).toBe(
      '~ schedules[update-days].weekdays: [MON, WED, FRI] → [MON, TUE, WED, THU, FRI]',
    );
    expect((await cong('tenants', 'compare', 'lao-cai', '2', '2')).output).toBe('v2 and v2 hold the same rules.');
  });

  it('refuses bad input with a clear message and the right exit code, writing nothing', async () => {
    const earlier = join(work, 'lao-cai', 'tenant.yaml');
    writeFileSync(
      earlier,
      readFileSync(earlier, 'utf8').replace(
        'minItemsPerDay: 1\n    appliesTo: { unitKinds: [department',
        'minItemsPerDay: 2\n    appliesTo: { unitKinds: [department',
      ),
    );
    const before = await cong('tenants', 'apply', join(work, 'lao-cai'), '--effective-from', '2026-12-01');
    expect(before.code).toBe(EXIT.invalidInput);
    expect(before.output).toContain('ONBOARDING_EFFECTIVE_DATE_BEFORE_LATEST');
    expect((await cong('tenants', 'apply', join(work, 'lao-cai'), '--effective-from', '2026-02-30')).code).toBe(EXIT.usage);
    expect((await cong('tenants', 'compare', 'lao-cai', '1', '9')).output).toContain('lao-cai has no version 9');
    expect((await cong('tenants', 'compare', 'lao-cai', 'one', '2')).code).toBe(EXIT.usage);
    expect((await cong('tenants', 'versions', 'ha-noi')).output).toContain('no province with code "ha-noi"');
    expect((await cong('tenants', 'versions', 'lao-cai')).output.split('\n')).toHaveLength(2);
  });
});
