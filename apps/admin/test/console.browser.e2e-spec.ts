import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditLog } from '@cong/platform-audit';
import { AccountAdmin, PasswordHasher } from '@cong/accounts';
import sharp from 'sharp';
import { Browser, Page } from 'playwright-core';
import { SeededApi, seededApi } from '../../api/test/seeded-api';
import { invitedAccount, STRONG_PASSWORD } from '../../api/test/auth-session';
import { accessibilityViolations, choose, launchChromium, newOfficial, requireConsoleBuild, signIn } from './console-browser';

/**
 * The officials' console in a real browser (Debian's Chromium), against the real API, PostgreSQL
 * and Redis, as the people who post every day use it. Each journey checks the screens it passes
 * with axe (WCAG 2.1 AA).
 */
describe('admin console in Chromium (issue 17)', () => {
  let seeded: SeededApi;
  let browser: Browser;
  let origin: Record<'lao-cai' | 'nghe-an', string>;

  beforeAll(async () => {
    requireConsoleBuild();
    seeded = await seededApi({ MEDIA_DIR: mkdtempSync(join(tmpdir(), 'cong-console-media-')) });
    const port = new URL(seeded.api.baseUrl).port;
    origin = { 'lao-cai': `http://lao-cai.localhost:${port}`, 'nghe-an': `http://nghe-an.localhost:${port}` };
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await seeded?.close();
  });

  const expectAccessible = async (page: Page, screen: string) =>
    expect({ screen, violations: await accessibilityViolations(page) }).toEqual({ screen, violations: [] });

  jest.setTimeout(120_000);

  it('first sign-in forces the password change, then opens the home page; sign-out ends the session (NA-9 menu there)', async () => {
    const accounts = new AccountAdmin(seeded.ctx.db, new PasswordHasher(), new AuditLog());
    const issued = await accounts.createTenantAdmin(
      seeded.laoCaiId,
      { username: 'cntt.moi', displayName: 'Nguyễn Văn Mới' },
      { actorId: null, actorLabel: 'test', reason: 'console test' },
    );
    const context = await newOfficial(browser, 360);
    const page = await context.newPage();
    await page.goto(`${origin['lao-cai']}/admin/`);
    await page.getByRole('heading', { name: /Đăng nhập quản trị/ }).waitFor();
    expect(await page.getByRole('heading', { name: /Đăng nhập quản trị/ }).textContent()).toContain('Tỉnh Lào Cai');
    await expectAccessible(page, 'sign-in (360 px)');

    await page.getByLabel('Tên đăng nhập').fill('cntt.moi');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/mật khẩu/i);

    await signIn(page, origin['lao-cai'], 'cntt.moi', issued.oneTimePassword);
    await page.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor();
    await expectAccessible(page, 'forced password change (360 px)');
    await page.getByLabel('Mật khẩu hiện tại').fill(issued.oneTimePassword);
    await page.getByLabel('Mật khẩu mới', { exact: true }).fill(STRONG_PASSWORD);
    await page.getByLabel('Nhập lại mật khẩu mới').fill(`${STRONG_PASSWORD}x`);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByText('Hai lần nhập không khớp.').waitFor();
    await page.getByLabel('Nhập lại mật khẩu mới').fill(STRONG_PASSWORD);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();

    await page.getByRole('heading', { name: 'Xin chào, Nguyễn Văn Mới' }).waitFor();
    await page.getByRole('heading', { name: /Nhiệm vụ kỳ này/ }).waitFor();
    await expectAccessible(page, 'home (360 px)');

    await page.getByRole('button', { name: /Tài khoản/ }).click();
    await page.getByRole('menuitem', { name: 'Báo mật khẩu bị lộ' }).waitFor();
    await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { name: /Đăng nhập quản trị/ }).waitFor();
    await context.close();
  });

  it('LC-3.1b: a department editor writes a news item with a photo on its sub-site, the head publishes it, the public reads it', async () => {
    const { lc, admin } = seeded;
    await invitedAccount(lc, admin, 'bientap.syt', [{ role: 'unit_editor', unit: 'so-y-te' }], { displayName: 'Lò Thị Biên' });
    await invitedAccount(lc, admin, 'lanhdao.syt', [{ role: 'unit_head', unit: 'so-y-te' }], { displayName: 'Vàng A Lãnh' });
    const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#1565c0' } })
      .png()
      .toBuffer();

    const editor = await (await newOfficial(browser)).newPage();
    await signIn(editor, origin['lao-cai'], 'bientap.syt', STRONG_PASSWORD);
    await editor.getByRole('menuitem', { name: 'Nội dung' }).click();
    await editor.getByRole('heading', { name: 'Nội dung' }).waitFor();
    await expectAccessible(editor, 'content list');
    await editor.getByRole('link', { name: 'Viết bài mới' }).click();
    await editor.getByRole('heading', { name: 'Viết bài mới' }).waitFor();
    await choose(editor, 'Đăng trên', 'Sở Y tế');
    await choose(editor, 'Loại tin', 'Tin tức');
    await editor.getByLabel('Tiêu đề').fill('Bệnh viện Sản Nhi khám miễn phí cho trẻ vùng cao');
    await editor.getByLabel('Tóm tắt').fill('Hơn 300 trẻ em ở Bát Xát được khám và phát thuốc miễn phí.');
    await editor.getByRole('textbox', { name: 'Nội dung bài viết' }).fill('Sáng nay, đoàn y bác sĩ đã tới xã Y Tý.');
    await expectAccessible(editor, 'editor (news, new)');
    await editor.getByRole('button', { name: 'Tạo bản nháp' }).click();
    await editor.getByText(/^Phiên bản 1 ·/).waitFor();
    const itemId = new URL(editor.url()).pathname.split('/').pop()!;

    // The photo, dropped on the upload area, goes into the body; the draft is saved again.
    await editor.locator('input[type=file]').last().setInputFiles({ name: 'kham-benh.png', mimeType: 'image/png', buffer: photo });
    await editor.getByText('Đã chèn ảnh kham-benh.png vào nội dung.').waitFor();
    await editor.locator('.cong-rich img').waitFor();
    await editor.getByRole('button', { name: 'Lưu', exact: true }).click();
    await editor.getByText(/^Phiên bản 2 ·/).waitFor();
    // The editor's sub-site workflow lets editors publish too; here the head does it.
    await editor.getByRole('button', { name: 'Đăng', exact: true }).waitFor();
    await editor.context().close();

    const head = await (await newOfficial(browser)).newPage();
    await signIn(head, origin['lao-cai'], 'lanhdao.syt', STRONG_PASSWORD);
    await head.getByRole('menuitem', { name: 'Nội dung' }).click();
    await head.getByRole('link', { name: 'Bệnh viện Sản Nhi khám miễn phí cho trẻ vùng cao' }).click();
    await head.getByRole('button', { name: 'Đăng', exact: true }).click();
    await head.getByRole('dialog').waitFor();
    await expectAccessible(head, 'workflow step dialog');
    await head.getByRole('dialog').getByRole('button', { name: 'Đăng' }).click();
    await head.getByText('Đã đăng', { exact: true }).first().waitFor();
    await head.context().close();

    const list = await seeded.api.request('/api/v1/public/sites/so-y-te/items', { headers: { 'x-tenant': 'lao-cai' } });
    const published = list.body.items.find((i: { id: string }) => i.id === itemId);
    expect(published).toBeDefined();
    const item = await seeded.api.request(`/api/v1/public/sites/so-y-te/items/${published.slug}`, { headers: { 'x-tenant': 'lao-cai' } });
    expect(item.status).toBe(200);
    expect(item.body.title).toBe('Bệnh viện Sản Nhi khám miễn phí cho trẻ vùng cao');
    expect(item.body.body).toMatch(/<img[^>]+src="\/api\/v1\/public\/media\/[0-9a-f-]{36}"/);
  });
});
