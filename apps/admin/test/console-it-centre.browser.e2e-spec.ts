import { Browser, Page } from 'playwright-core';
import { SeededApi, seededApi } from '../../api/test/seeded-api';
import { invitedAccount, STRONG_PASSWORD } from '../../api/test/auth-session';
import { sheetRows } from '@cong/testing';
import { readFileSync } from 'node:fs';
import {
  choose,
  confirmStep,
  expectAccessible,
  launchChromium,
  newOfficial,
  requireConsoleBuild,
  screenshot,
  signIn,
} from './console-browser';

/**
 * The IT centre's screens of the console in a real browser (Debian's Chromium), against the real
 * API, PostgreSQL and Redis; axe (WCAG 2.1 AA) on each screen passed.
 */
/** The access token the console keeps for the page's province. */
const tokenOf = async (page: Page): Promise<string> =>
  page.evaluate(() => JSON.parse(sessionStorage.getItem('cong.admin.tokens.lao-cai')!).accessToken as string);

describe('admin console in Chromium, the IT centre (issue 18)', () => {
  let seeded: SeededApi;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    requireConsoleBuild();
    seeded = await seededApi();
    origin = `http://lao-cai.localhost:${new URL(seeded.api.baseUrl).port}`;
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await seeded?.close();
  });
  jest.setTimeout(120_000);

  it('NA-9: the IT centre invites an editor who activates by the link and signs in; it sees and ends the sign-in, then issues a reset link', async () => {
    const it = await (await newOfficial(browser)).newPage();
    await signIn(it, origin, 'it.laocai', STRONG_PASSWORD);
    await it.getByRole('menuitem', { name: 'Tài khoản' }).click();
    await it.getByRole('heading', { name: 'Tài khoản' }).waitFor();
    await it.getByRole('cell', { name: 'it.laocai', exact: true }).waitFor();
    await expectAccessible(it, 'accounts list');
    await screenshot(it, 'tai-khoan');

    await it.getByRole('button', { name: 'Mời người dùng' }).click();
    const invite = it.getByRole('dialog', { name: 'Mời người dùng' });
    await invite.getByLabel('Tên đăng nhập').fill('tran.thi.cuc');
    await invite.getByLabel('Họ và tên').fill('Trần Thị Cúc');
    await invite.getByLabel('Thư điện tử').fill('cuc.tt@laocai.gov.vn');
    await choose(it, 'Đơn vị của vai trò 1', 'Sở Y tế');
    await expectAccessible(it, 'invitation dialog');
    await invite.getByRole('button', { name: 'Mời', exact: true }).click();
    const link = (await invite.locator('code').textContent())!;
    expect(link).toMatch(new RegExp(`^${origin}/admin/kich-hoat#[A-Za-z0-9_%-]+$`));
    await screenshot(it, 'moi-nguoi-dung');
    await invite.getByRole('button', { name: 'Xong' }).click();

    // The invited person, in a browser of their own: the link, a password, then sign-in.
    const cuc = await (await newOfficial(browser)).newPage();
    await cuc.goto(link);
    await cuc.getByRole('heading', { name: 'Kích hoạt tài khoản' }).waitFor();
    expect(new URL(cuc.url()).hash).toBe(''); // the token is taken out of the address bar
    await expectAccessible(cuc, 'activation');
    await cuc.getByLabel('Mật khẩu mới', { exact: true }).fill(STRONG_PASSWORD);
    await cuc.getByLabel('Nhập lại mật khẩu mới').fill(STRONG_PASSWORD);
    await cuc.getByRole('button', { name: 'Đặt mật khẩu' }).click();
    await cuc.getByText('Đã đặt mật khẩu.').waitFor();
    await cuc.getByRole('button', { name: 'Đăng nhập' }).click();
    await cuc.getByLabel('Tên đăng nhập').fill('tran.thi.cuc');
    await cuc.getByLabel('Mật khẩu').fill(STRONG_PASSWORD);
    await cuc.getByRole('button', { name: 'Đăng nhập' }).click();
    await cuc.getByRole('heading', { name: 'Xin chào, Trần Thị Cúc' }).waitFor();

    // Found with the accents left out; her sign-in listed and ended.
    await it.getByLabel('Tìm theo tên, tên đăng nhập, thư điện tử').fill('tran thi cuc');
    await it.getByLabel('Tìm theo tên, tên đăng nhập, thư điện tử').press('Enter');
    await it.getByRole('button', { name: 'Trần Thị Cúc' }).click();
    const drawer = it.getByRole('dialog', { name: 'Trần Thị Cúc' });
    await drawer.getByText('Đang dùng').waitFor();
    await drawer.getByRole('button', { name: 'Kết thúc' }).click();
    await it.getByText('Đã kết thúc phiên đăng nhập.').waitFor();
    await drawer.getByText('Không có phiên nào đang mở.').waitFor();
    await expectAccessible(it, 'account drawer');
    await screenshot(it, 'tai-khoan-chi-tiet');
    // NA-9: a one-time reset link for a leaked password.
    await drawer.getByRole('button', { name: 'Cấp đường dẫn đặt lại mật khẩu' }).click();
    await it.getByRole('dialog', { name: 'Cấp đường dẫn đặt lại mật khẩu?' }).getByRole('button', { name: 'Cấp đường dẫn' }).click();
    await drawer.getByText(`Đường dẫn đặt lại mật khẩu cho Trần Thị Cúc`).waitFor();
    expect(await drawer.locator('code').textContent()).toMatch(/\/admin\/dat-lai-mat-khau#/);
    await it.context().close();

    // Her sign-ins ended with the reset: her refresh token no longer renews anything.
    const { refreshToken } = await cuc.evaluate(() => JSON.parse(sessionStorage.getItem('cong.admin.tokens.lao-cai')!));
    expect((await seeded.lc.send('POST', '/api/v1/auth/refresh', { refreshToken })).status).toBe(401);
    await cuc.context().close();
  });
  it('LC-3.1c: the IT centre edits its rule file, sees the validation error at its line, then applies a valid change and sees the new version and its diff', async () => {
    const it = await (await newOfficial(browser)).newPage();
    await signIn(it, origin, 'it.laocai', STRONG_PASSWORD);
    await it.getByRole('menuitem', { name: 'Quy tắc' }).click();
    await it.getByRole('heading', { name: 'Quy tắc của tỉnh' }).waitFor();
    const source = it.getByLabel('tenant.yaml của phiên bản 1');
    expect(await source.inputValue()).toContain('code: lao-cai');
    await expectAccessible(it, 'rules in force');
    await screenshot(it, 'quy-tac');

    await it.getByRole('tab', { name: 'Sửa tệp quy tắc' }).click();
    const tenantYaml = it.getByLabel('Nội dung tenant.yaml', { exact: true });
    const original = await tenantYaml.inputValue();
    const broken = original.replace('{ id: tin, name: Tin, points: 1.0,', '{ id: tin, name: Tin, points: nhiều,');
    const badLine = broken.split('\n').findIndex((l) => l.includes('points: nhiều')) + 1;
    await tenantYaml.fill(broken);
    await it.getByRole('button', { name: 'Kiểm tra' }).click();
    const problems = it.getByRole('list', { name: 'Lỗi trong Nội dung tenant.yaml' });
    await problems.waitFor();
    // Every problem names the line that holds the bad value; the line's number is marked beside it.
    for (const text of await problems.getByRole('listitem').allTextContents()) expect(text).toMatch(new RegExp(`^Dòng ${badLine} `));
    expect(await it.locator('.cong-code-marked').allTextContents()).toEqual([String(badLine)]);
    await problems
      .getByRole('button', { name: `Dòng ${badLine}` })
      .first()
      .click();
    const selected = await tenantYaml.evaluate((e: HTMLTextAreaElement) => e.value.slice(e.selectionStart, e.selectionEnd));
    expect(selected).toContain('points: nhiều');
    await expectAccessible(it, 'rule file with a problem');
    await screenshot(it, 'quy-tac-loi');
    expect((await seeded.lc.send('GET', '/api/v1/rules/versions', undefined, await tokenOf(it))).body).toHaveLength(1);

    await tenantYaml.fill(original.replace('{ id: tin, name: Tin, points: 1.0,', '{ id: tin, name: Tin, points: 1.2,'));
    await it.getByLabel('Ghi chú (ví dụ: số quyết định sửa đổi)').fill('QĐ nhuận bút sửa đổi');
    await it.getByRole('button', { name: 'Kiểm tra' }).click();
    const outcome = it.getByRole('list', { name: 'Kết quả kiểm tra' });
    await outcome.getByText('~ payments.royalties.genres[tin].points: 1 → 1.2').waitFor();
    await it.getByRole('button', { name: 'Áp dụng', exact: true }).click();
    await confirmStep(it, 'Áp dụng');
    // Applied: the versions tab compares the new version with the one before.
    await it.getByRole('cell', { name: 'QĐ nhuận bút sửa đổi' }).waitFor();
    const diff = it.getByRole('list', { name: 'Thay đổi từ phiên bản 1 đến phiên bản 2' });
    await diff.getByText('payments.royalties.genres[tin].points').waitFor();
    expect(await diff.textContent()).toContain('1 → 1.2');
    await expectAccessible(it, 'rule versions and diff');
    await screenshot(it, 'quy-tac-phien-ban');
    const versions = (await seeded.lc.send('GET', '/api/v1/rules/versions', undefined, await tokenOf(it))).body;
    expect(versions[0]).toMatchObject({ version: 2, appliedBy: 'it.laocai', note: 'QĐ nhuận bút sửa đổi' });
    await it.context().close();
  });
  it('the IT centre reads the audit log filtered by action and unit, and downloads it as XLSX with the same entries', async () => {
    await invitedAccount(seeded.lc, seeded.admin, 'pham.thu', [{ role: 'unit_editor', unit: 'so-y-te' }], { displayName: 'Phạm Thu' });
    const it = await (await newOfficial(browser)).newPage();
    await signIn(it, origin, 'it.laocai', STRONG_PASSWORD);
    await it.getByRole('menuitem', { name: 'Nhật ký' }).click();
    await it.getByRole('heading', { name: 'Nhật ký hoạt động' }).waitFor();
    await it.getByRole('cell', { name: 'Đăng nhập', exact: true }).first().waitFor();
    await choose(it, 'Hành động', 'Giao vai trò');
    await choose(it, 'Đơn vị', 'Sở Y tế');
    const rows = it.getByRole('region', { name: 'Các mục nhật ký' }).getByRole('row');
    await it
      .getByRole('cell', { name: /Vai trò: Biên tập viên/ })
      .first()
      .waitFor();
    expect(new URL(it.url()).searchParams.get('hanh-dong')).toBe('accounts.role_granted');
    const shown = (await rows.allTextContents()).slice(1);
    expect(shown.length).toBeGreaterThan(0);
    for (const row of shown) expect(row).toContain('Giao vai trò');
    await expectAccessible(it, 'audit log');
    await screenshot(it, 'nhat-ky');

    const [download] = await Promise.all([it.waitForEvent('download'), it.getByRole('button', { name: 'Tải XLSX' }).click()]);
    expect(download.suggestedFilename()).toBe('nhat-ky-lao-cai.xlsx');
    const { rows: lines } = await sheetRows(readFileSync((await download.path())!), 'Nhật ký');
    const headingAt = lines.findIndex((r) => r[0] === 'Thời điểm');
    const entries = lines.slice(headingAt + 1).filter((r) => r.length > 1);
    expect(entries).toHaveLength(shown.length);
    for (const entry of entries) expect(entry.slice(1, 4)).toEqual(['Giao vai trò', 'accounts.role_granted', 'it.laocai']);
    await it.context().close();
  });
});
