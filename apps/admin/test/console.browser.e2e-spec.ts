import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditLog } from '@cong/platform-audit';
import { AccountAdmin, PasswordHasher } from '@cong/accounts';
import { authenticator } from 'otplib';
import sharp from 'sharp';
import { until } from '@cong/testing';
import { Browser } from 'playwright-core';
import { SeededApi, seededApi } from '../../api/test/seeded-api';
import { invitedAccount, STRONG_PASSWORD } from '../../api/test/auth-session';
import {
  choose,
  confirmStep,
  expectAccessible,
  settled,
  launchChromium,
  newOfficial,
  pickTime,
  requireConsoleBuild,
  screenshot,
  signIn,
} from './console-browser';

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

  jest.setTimeout(120_000);

  it('first sign-in forces the password change, then opens the home page; the other province’s console does not know the session; sign-out ends it (NA-9 menu there)', async () => {
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
    await screenshot(page, 'dang-nhap');

    await page.getByLabel('Tên đăng nhập').fill('cntt.moi');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/mật khẩu/i);

    await signIn(page, origin['lao-cai'], 'cntt.moi', issued.oneTimePassword);
    await page.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor();
    await expectAccessible(page, 'forced password change (360 px)');
    await screenshot(page, 'doi-mat-khau');
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

    // Another province's console in the same browser knows nobody: a Lào Cai session is not Nghệ An's.
    await page.goto(`${origin['nghe-an']}/admin/`);
    await page.getByRole('heading', { name: /Đăng nhập quản trị/ }).waitFor();
    expect(await page.getByRole('heading', { name: /Đăng nhập quản trị/ }).textContent()).toContain('Tỉnh Nghệ An');
    await page.goto(`${origin['lao-cai']}/admin/`);
    await page.getByRole('heading', { name: 'Xin chào, Nguyễn Văn Mới' }).waitFor();
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
    await screenshot(editor, 'danh-sach-noi-dung');
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
    await screenshot(editor, 'soan-tin');
    // The preview is the portal's own page, photo included, though nothing is published yet.
    await editor.getByRole('button', { name: 'Xem trước' }).click();
    const frame = editor.frameLocator('iframe[title^="Xem trước"]');
    await frame.getByRole('heading', { level: 1, name: 'Bệnh viện Sản Nhi khám miễn phí cho trẻ vùng cao' }).waitFor();
    await frame.getByText('Bản xem trước, chưa công bố').waitFor();
    const photoShown = frame.locator('.body img');
    await until(
      async () => (await photoShown.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))) > 0,
      15_000,
      'the preview photo',
    );
    await editor.locator('.ant-segmented-item', { hasText: 'Điện thoại' }).click();
    await until(
      async () => (await editor.locator('iframe[title^="Xem trước"]').evaluate((f) => f.clientWidth)) <= 362,
      5_000,
      'the phone width',
    );
    // axe cannot run inside the frame (no script may run there): the page is checked in a tab of its own.
    await expectAccessible(editor, 'preview drawer', ['iframe']);
    await screenshot(editor, 'xem-truoc');
    const previewTab = await editor.context().newPage();
    await previewTab.goto(await editor.locator('iframe[title^="Xem trước"]').evaluate((f: HTMLIFrameElement) => f.src));
    await expectAccessible(previewTab, 'preview page');
    await previewTab.close();
    await editor.locator('.ant-drawer-close').click();
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
    await screenshot(head, 'buoc-quy-trinh');
    await confirmStep(head, 'Đăng');
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

  it('LC-3.1c, LC-3.2: a portal contribution goes to the editorial board, a return without a comment is refused in the form, then returned, fixed, approved; the royalty is owed', async () => {
    const { lc, admin } = seeded;
    await invitedAccount(lc, admin, 'bientap.stc', [{ role: 'unit_editor', unit: 'so-tai-chinh' }], { displayName: 'Hà Văn Tài' });
    await invitedAccount(lc, admin, 'bbt.cong', [{ role: 'editorial_board' }], { displayName: 'Ban Biên Tập' });

    const editor = await (await newOfficial(browser)).newPage();
    await signIn(editor, origin['lao-cai'], 'bientap.stc', STRONG_PASSWORD);
    await editor.getByRole('menuitem', { name: 'Nội dung' }).click();
    await editor.getByRole('link', { name: 'Viết bài mới' }).click();
    await choose(editor, 'Đăng trên', 'Cổng tỉnh');
    await choose(editor, 'Loại tin', 'Tin tức');
    await editor.getByLabel('Tiêu đề').fill('Thu ngân sách tháng 11 vượt dự toán');
    await editor.getByRole('textbox', { name: 'Nội dung bài viết' }).fill('Tổng thu ngân sách nhà nước trên địa bàn đạt 105% dự toán.');
    await editor.getByRole('button', { name: 'Tạo bản nháp' }).click();
    await editor.getByText(/^Phiên bản 1 ·/).waitFor();
    const itemId = new URL(editor.url()).pathname.split('/').pop()!;
    await editor.getByRole('button', { name: 'Gửi duyệt' }).click();
    await confirmStep(editor, 'Gửi duyệt');
    await editor.getByText('Chờ Ban biên tập duyệt').first().waitFor();

    const board = await (await newOfficial(browser)).newPage();
    await signIn(board, origin['lao-cai'], 'bbt.cong', STRONG_PASSWORD);
    await board.getByRole('menuitem', { name: 'Chờ duyệt' }).click();
    await board.getByRole('heading', { name: 'Chờ duyệt' }).waitFor();
    await board.getByRole('link', { name: 'Thu ngân sách tháng 11 vượt dự toán' }).waitFor();
    await expectAccessible(board, 'review queue');
    await screenshot(board, 'cho-duyet');
    await board.getByRole('link', { name: 'Thu ngân sách tháng 11 vượt dự toán' }).click();
    await board.getByRole('button', { name: 'Trả lại' }).click();
    const steps: string[] = [];
    board.on('request', (r) => r.method() === 'POST' && r.url().includes('/transitions') && steps.push(r.url()));
    await board.getByRole('dialog').getByRole('button', { name: 'Trả lại' }).click();
    await board.getByText('Hãy ghi lý do: người soạn cần biết phải sửa gì.').waitFor();
    await expectAccessible(board, 'return dialog, comment missing');
    await screenshot(board, 'tra-lai-thieu-ly-do');
    expect(steps).toEqual([]);
    await board.getByLabel('Lý do (bắt buộc)').fill('Cần nêu rõ số thu của từng huyện.');
    await confirmStep(board, 'Trả lại');
    await board.getByText('Trả lại để sửa').first().waitFor();
    expect(steps).toHaveLength(1);

    // The editor hears of it (the bell), fixes the item and sends it again.
    await editor.reload();
    await editor.getByRole('button', { name: /Thông báo: 1 chưa đọc/ }).click();
    await editor.getByRole('link', { name: /Tin bài bị trả lại/ }).click();
    await editor.getByText('“Cần nêu rõ số thu của từng huyện.”').waitFor();
    await editor
      .getByRole('textbox', { name: 'Nội dung bài viết' })
      .fill('Tổng thu đạt 105% dự toán; thành phố Lào Cai thu 1.200 tỷ đồng.');
    await editor.getByRole('button', { name: 'Lưu', exact: true }).click();
    await editor.getByText(/^Phiên bản 2 ·/).waitFor();
    await editor.getByRole('button', { name: 'Gửi duyệt' }).click();
    await confirmStep(editor, 'Gửi duyệt');
    await editor.getByText('Chờ Ban biên tập duyệt').first().waitFor();
    await editor.context().close();

    await board.reload();
    await board.getByRole('button', { name: 'Duyệt', exact: true }).click();
    // The board names the genre the contribution earns under, and points within its range.
    await choose(board, 'Thể loại nhuận bút (LC-3.1c)', 'Bài bình luận');
    await board.getByLabel(/Số điểm/).fill('3');
    await confirmStep(board, 'Duyệt');
    await board.getByText('Đã đăng trên Cổng').first().waitFor();
    await board.context().close();

    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit' }).format(new Date());
    const statement = await lc.send('GET', `/api/v1/compliance/royalties?month=${month}`, undefined, admin);
    expect(statement.status).toBe(200);
    expect(statement.body.lines).toContainEqual(
      expect.objectContaining({ itemId, authorName: 'Hà Văn Tài', unit: 'so-tai-chinh', genre: 'bai-binh-luan', points: 3 }),
    );
  });

  it('NA-8.2: a Nghệ An unit posts its two items of the week and its home page shows the quota met', async () => {
    const { na, naAdmin } = seeded;
    await invitedAccount(na, naAdmin, 'truongphong.stc', [{ role: 'unit_head', unit: 'so-tai-chinh' }], { displayName: 'Trần Thị Hạnh' });
    const head = await (await newOfficial(browser, 360)).newPage();
    await signIn(head, origin['nghe-an'], 'truongphong.stc', STRONG_PASSWORD);
    const card = head.locator('.ant-card', { hasText: 'Sở Tài chính' }).first();
    await card.getByText('Chậm').or(card.getByText('Đang thực hiện')).first().waitFor();
    for (const title of ['Sở Tài chính tập huấn quyết toán ngân sách', 'Công khai dự toán ngân sách năm 2027']) {
      await head.goto(`${origin['nghe-an']}/admin/noi-dung/moi`);
      await choose(head, 'Đăng trên', 'Sở Tài chính');
      await choose(head, 'Loại tin', 'Tin tức');
      await head.getByLabel('Tiêu đề').fill(title);
      await head.getByRole('textbox', { name: 'Nội dung bài viết' }).fill(`${title}: nội dung chi tiết.`);
      await head.getByRole('button', { name: 'Tạo bản nháp' }).click();
      await head.getByText(/^Phiên bản 1 ·/).waitFor();
      await head.getByRole('button', { name: 'Đăng', exact: true }).click();
      await confirmStep(head, 'Đăng');
      await head.getByText('Đã đăng', { exact: true }).first().waitFor();
    }
    // On a phone the sections open from the header's menu button.
    await head.getByRole('button', { name: 'Mở danh mục' }).click();
    await head.getByRole('menuitem', { name: 'Trang chủ' }).click();
    const met = head.locator('.ant-card', { hasText: 'Sở Tài chính' }).first();
    await met.getByText('Đã đạt').first().waitFor();
    expect(await met.getByRole('progressbar').first().getAttribute('aria-label')).toBe('Đã đăng 2 trên 2');
    await expectAccessible(head, 'home with quota met (360 px)');
    await screenshot(head, 'trang-chu-dat-chi-tieu');
  });

  it('LC-3.1b: a unit head compares and restores revisions, schedules an item, publishes it, takes it down with a reason; the author reads the notices and marks them read', async () => {
    const { lc, admin } = seeded;
    const author = await invitedAccount(lc, admin, 'bientap.lich', [{ role: 'unit_editor', unit: 'so-y-te' }], {
      displayName: 'Lý Văn Lịch',
    });
    await invitedAccount(lc, admin, 'lanhdao.lich', [{ role: 'unit_head', unit: 'so-y-te' }], { displayName: 'Hoàng Thị Duyệt' });
    const created = await lc.send(
      'POST',
      '/api/v1/content',
      { site: 'so-y-te', type: 'news', title: 'Lịch khám sức khỏe học đường' },
      author,
    );
    const id = created.body.id as string;
    const edited = await lc.send(
      'PUT',
      `/api/v1/content/${id}`,
      { expectedRevision: 1, title: 'Lịch khám sức khỏe học đường (bản sai)' },
      author,
    );
    expect(edited.status).toBe(200);

    const head = await (await newOfficial(browser)).newPage();
    await signIn(head, origin['lao-cai'], 'lanhdao.lich', STRONG_PASSWORD);
    await head.getByRole('menuitem', { name: 'Nội dung' }).click();
    await head.getByRole('link', { name: 'Lịch khám sức khỏe học đường (bản sai)' }).click();
    await head.getByRole('link', { name: 'Các phiên bản' }).click();
    await head.getByRole('heading', { name: 'Các phiên bản' }).waitFor();
    // The newest two are compared at first: the title as it was and as it is.
    await head.getByRole('cell', { name: 'Lịch khám sức khỏe học đường', exact: true }).first().waitFor();
    await head.getByRole('cell', { name: 'Lịch khám sức khỏe học đường (bản sai)', exact: true }).first().waitFor();
    await expectAccessible(head, 'revisions and their diff');
    await head.getByRole('row', { name: /^1 / }).getByRole('button', { name: 'Khôi phục' }).click();
    await head.getByRole('tooltip').getByRole('button', { name: 'Khôi phục' }).click();
    await head.getByText('Đã khôi phục thành phiên bản mới 3.').waitFor();
    await head.getByRole('heading', { level: 1, name: 'Lịch khám sức khỏe học đường' }).waitFor();

    // Scheduled for 08:00 tomorrow in the province's zone, then published at once after all.
    const tomorrow = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    }).format(new Date(Date.now() + 24 * 3600_000));
    await head.getByRole('button', { name: 'Hẹn giờ đăng', exact: true }).click();
    const dialog = head.getByRole('dialog');
    const when = dialog.getByLabel(/Thời điểm đăng/);
    await pickTime(head, when, `${tomorrow} 08:00`);
    await confirmStep(head, 'Hẹn giờ đăng');
    await head.getByText(`Hẹn đăng: ${tomorrow} 08:00`).waitFor();
    await head.getByRole('button', { name: 'Đăng theo lịch', exact: true }).click();
    await confirmStep(head, 'Đăng theo lịch');
    await head.getByText('Đã đăng', { exact: true }).first().waitFor();

    // A take-down must say why: refused in the form first, then taken with the reason.
    await head.getByRole('button', { name: 'Gỡ xuống', exact: true }).click();
    await settled(head);
    await head.getByRole('dialog').getByRole('button', { name: 'Gỡ xuống' }).click();
    await head.getByRole('dialog').getByText('Hãy ghi lý do: người soạn cần biết phải sửa gì.').waitFor();
    await head.getByRole('dialog').getByLabel('Lý do (bắt buộc)').fill('Lịch khám đổi sang tháng sau, chờ thông báo mới.');
    await confirmStep(head, 'Gỡ xuống');
    await head.getByText('Đã gỡ', { exact: true }).first().waitFor();
    await head.context().close();

    const reader = await (await newOfficial(browser)).newPage();
    await signIn(reader, origin['lao-cai'], 'bientap.lich', STRONG_PASSWORD);
    await reader.getByRole('button', { name: 'Thông báo: 2 chưa đọc' }).click();
    await reader.getByRole('heading', { name: 'Thông báo' }).waitFor();
    await reader.getByText('Tin bài bị gỡ: Lịch khám sức khỏe học đường').waitFor();
    await reader.getByText(/Lý do: Lịch khám đổi sang tháng sau/).waitFor();
    await expectAccessible(reader, 'notifications');
    await reader.getByRole('button', { name: 'Đánh dấu đã đọc tất cả' }).click();
    await reader.getByRole('button', { name: 'Thông báo', exact: true }).waitFor();
    await reader.context().close();
  });

  it('two officials edit the same item: the second save shows what changed and merges knowingly', async () => {
    const { lc, admin } = seeded;
    await invitedAccount(lc, admin, 'bientap.xung1', [{ role: 'unit_editor', unit: 'so-y-te' }], { displayName: 'Đỗ Văn Một' });
    await invitedAccount(lc, admin, 'bientap.xung2', [{ role: 'unit_editor', unit: 'so-y-te' }], { displayName: 'Đỗ Văn Hai' });
    const created = await lc.send(
      'POST',
      '/api/v1/content',
      { site: 'so-y-te', type: 'news', title: 'Lịch tiêm chủng tháng 12', summary: 'Tóm tắt ban đầu', body: '<p>Nội dung ban đầu.</p>' },
      admin,
    );
    expect(created.status).toBe(201);
    const first = await (await newOfficial(browser)).newPage();
    const second = await (await newOfficial(browser)).newPage();
    await signIn(first, origin['lao-cai'], 'bientap.xung1', STRONG_PASSWORD);
    await signIn(second, origin['lao-cai'], 'bientap.xung2', STRONG_PASSWORD);
    for (const page of [first, second]) {
      await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
      await page.goto(`${origin['lao-cai']}/admin/noi-dung/${created.body.id}`);
      await page.getByText(/^Phiên bản 1 ·/).waitFor();
    }
    await first.getByLabel('Tóm tắt').fill('Tóm tắt do người thứ nhất sửa');
    await first.getByRole('button', { name: 'Lưu', exact: true }).click();
    await first.getByText(/^Phiên bản 2 ·/).waitFor();

    await second.getByLabel('Tiêu đề').fill('Lịch tiêm chủng tháng 12 (cập nhật)');
    await second.getByRole('button', { name: 'Lưu', exact: true }).click();
    const conflict = second.getByRole('dialog', { name: 'Tin bài đã được người khác sửa' });
    await conflict.getByText('Tóm tắt do người thứ nhất sửa').waitFor();
    await expectAccessible(second, 'edit conflict');
    await screenshot(second, 'xung-dot-khi-luu');
    await conflict.getByRole('button', { name: /Gộp/ }).click();
    await conflict.waitFor({ state: 'hidden' });
    await second.getByRole('button', { name: 'Lưu', exact: true }).click();
    await second.getByText(/^Phiên bản 3 ·/).waitFor();

    const saved = await lc.send('GET', `/api/v1/content/${created.body.id}`, undefined, admin);
    expect(saved.body).toMatchObject({
      revision: 3,
      title: 'Lịch tiêm chủng tháng 12 (cập nhật)',
      summary: 'Tóm tắt do người thứ nhất sửa',
    });
    await first.context().close();
    await second.context().close();
  });

  it('a session that ends during an edit loses nothing: sign in again and the edit is offered back', async () => {
    const { lc, admin } = seeded;
    await invitedAccount(lc, admin, 'bientap.phien', [{ role: 'unit_editor', unit: 'so-y-te' }], { displayName: 'Phan Văn Phiên' });
    const created = await lc.send('POST', '/api/v1/content', { site: 'so-y-te', type: 'news', title: 'Thông báo lịch trực Tết' }, admin);
    const page = await (await newOfficial(browser)).newPage();
    await signIn(page, origin['lao-cai'], 'bientap.phien', STRONG_PASSWORD);
    await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
    await page.goto(`${origin['lao-cai']}/admin/noi-dung/${created.body.id}`);
    await page.getByText(/^Phiên bản 1 ·/).waitFor();
    await page.getByLabel('Tóm tắt').fill('Các cơ sở y tế trực 24/24 trong dịp Tết.');
    // The session ends behind the editor's back (signed out elsewhere, or expired): its tokens no longer work.
    const tokens = await page.evaluate(() => Object.entries(sessionStorage).find(([key]) => key.startsWith('cong.admin.tokens.'))?.[1]);
    const ended = await lc.send('POST', '/api/v1/auth/logout', undefined, JSON.parse(tokens!).accessToken);
    expect(ended.status).toBe(204);
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText(/Phiên làm việc đã hết hạn/).waitFor();
    await page.getByLabel('Tên đăng nhập').fill('bientap.phien');
    await page.getByLabel('Mật khẩu').fill(STRONG_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText(/Có bản nháp chưa lưu trên máy này/).waitFor();
    await page.getByRole('button', { name: 'Khôi phục' }).click();
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText(/^Phiên bản 2 ·/).waitFor();
    const saved = await lc.send('GET', `/api/v1/content/${created.body.id}`, undefined, admin);
    expect(saved.body.summary).toBe('Các cơ sở y tế trực 24/24 trong dịp Tết.');
    await page.context().close();
  });

  it('LC-2.1.1, NA-5.1: a unit head arranges the sub-site sections (required ones protected) and keeps the unit profile', async () => {
    const { lc, admin } = seeded;
    await invitedAccount(lc, admin, 'lanhdao.scn', [{ role: 'unit_head', unit: 'so-cong-nghiep' }], { displayName: 'Lý Văn Thương' });
    const head = await (await newOfficial(browser)).newPage();
    await signIn(head, origin['lao-cai'], 'lanhdao.scn', STRONG_PASSWORD);
    await head.getByRole('menuitem', { name: 'Chuyên mục' }).click();
    await head.getByRole('heading', { name: 'Chuyên mục' }).waitFor();
    const before = await lc.send('GET', '/api/v1/sites/so-cong-nghiep', undefined, admin);
    const required = before.body.sections.find((s: { required: boolean }) => s.required);
    expect(required).toBeDefined();
    await head.getByRole('button', { name: `Đổi tên ${required.title}` }).waitFor();
    expect(await head.getByRole('button', { name: `Xoá ${required.title}` }).count()).toBe(0);
    await expectAccessible(head, 'sections');
    await screenshot(head, 'chuyen-muc');

    await head.getByRole('button', { name: 'Thêm chuyên mục' }).click();
    await head.getByRole('dialog').getByLabel('Tên chuyên mục').fill('Xúc tiến thương mại');
    await head.getByRole('dialog').getByRole('button', { name: 'Thêm' }).click();
    await head.getByRole('button', { name: 'Đổi tên Xúc tiến thương mại' }).click();
    await head.getByRole('dialog').getByLabel('Tên mới').fill('Xúc tiến thương mại, đầu tư');
    await head.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
    await head.getByText('Xúc tiến thương mại, đầu tư').waitFor();
    // Dragged onto the prescribed section: it becomes its first sub-section.
    const moved = head.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes('/sections/xuc-tien-thuong-mai'));
    // (The tree reads a drop moved rightwards of where the drag began as "inside", as a person nests with the mouse.)
    const target = head.locator('.ant-tree-node-content-wrapper', { hasText: required.title }).first();
    const box = (await target.boundingBox())!;
    await head
      .locator('.ant-tree-node-content-wrapper', { hasText: 'Xúc tiến thương mại, đầu tư' })
      .dragTo(target, { sourcePosition: { x: 10, y: 10 }, targetPosition: { x: Math.min(box.width - 5, 200), y: box.height - 4 } });
    expect((await moved).status()).toBe(200);
    const after = await lc.send('GET', '/api/v1/sites/so-cong-nghiep', undefined, admin);
    const parent = after.body.sections.find((s: { slug: string }) => s.slug === required.slug);
    expect(parent.children[0]).toMatchObject({ slug: 'xuc-tien-thuong-mai', title: 'Xúc tiến thương mại, đầu tư', required: false });

    await head.getByRole('menuitem', { name: 'Hồ sơ đơn vị' }).click();
    // Exact: until the profile has replaced the sections, a rename button's name holds these words too.
    await head.getByLabel('Chức năng', { exact: true }).fill('Tham mưu giúp UBND tỉnh quản lý nhà nước về công nghiệp.');
    await head.getByRole('button', { name: 'Thêm lãnh đạo' }).click();
    await head.getByLabel('Họ và tên').fill('Lý Văn Thương');
    await head.getByLabel('Chức vụ').fill('Giám đốc');
    await head.getByRole('button', { name: 'Thêm bộ phận' }).click();
    await head.getByLabel('Tên', { exact: true }).fill('Bộ phận một cửa');
    await head.getByLabel('Điện thoại').last().fill('0214 3840 123');
    await head.getByRole('checkbox', { name: /Trực tiếp giải quyết/ }).check();
    await expectAccessible(head, 'unit profile');
    await screenshot(head, 'ho-so-don-vi');
    await head.getByRole('button', { name: 'Lưu hồ sơ' }).click();
    await head.getByText('Đã lưu hồ sơ đơn vị.').waitFor();
    const unit = await lc.send('GET', '/api/v1/units/so-cong-nghiep', undefined, admin);
    expect(unit.body.profile).toMatchObject({
      leaders: [{ name: 'Lý Văn Thương', title: 'Giám đốc' }],
      divisions: [{ name: 'Bộ phận một cửa', phone: '0214 3840 123', handlesCitizens: true }],
    });
    await head.context().close();
  });

  it('two-step verification: turned on from the user menu (QR code, confirmed by a code, recovery codes), then asked at sign-in, where a recovery code serves; turned off by the password', async () => {
    const { lc, admin } = seeded;
    await invitedAccount(lc, admin, 'bientap.hai-buoc', [{ role: 'unit_editor', unit: 'so-y-te' }], { displayName: 'Vũ Thị Hai' });
    const page = await (await newOfficial(browser)).newPage();
    await signIn(page, origin['lao-cai'], 'bientap.hai-buoc', STRONG_PASSWORD);
    await page.getByRole('button', { name: /Tài khoản/ }).click();
    await page.getByRole('menuitem', { name: 'Bật xác thực hai bước' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bật xác thực hai bước' });
    await dialog.getByRole('img', { name: /Mã QR/ }).waitFor();
    await expectAccessible(page, 'two-step verification enrolment');
    await screenshot(page, 'xac-thuc-hai-buoc');
    const secret = (await dialog.locator('code').first().textContent())!.replace(/\s/g, '');
    await dialog.getByLabel(/Nhập mã 6 chữ số/).fill(authenticator.generate(secret));
    await dialog.getByRole('button', { name: 'Xác nhận và bật' }).click();
    await dialog.getByText('Đã bật xác thực hai bước.').waitFor();
    expect(await dialog.locator('li code').count()).toBe(10);
    const recovery = (await dialog.locator('li code').first().textContent())!.trim();
    await dialog.getByRole('button', { name: 'Tôi đã cất các mã dự phòng' }).click();
    await page.getByRole('button', { name: /Tài khoản/ }).click();
    await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();

    await signIn(page, origin['lao-cai'], 'bientap.hai-buoc', STRONG_PASSWORD);
    // The app's code was just spent (a code counts once): a recovery code signs in instead.
    await page.getByLabel('Mã xác thực').fill(recovery);
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByRole('heading', { name: 'Xin chào, Vũ Thị Hai' }).waitFor();
    // Now on, the menu offers to turn it off (by the password here), and then to turn it on again.
    await page.getByRole('button', { name: /Tài khoản/ }).click();
    await page.getByRole('menuitem', { name: 'Tắt xác thực hai bước' }).click();
    const off = page.getByRole('dialog', { name: 'Tắt xác thực hai bước' });
    await off.getByText('Mật khẩu đăng nhập', { exact: true }).click();
    await off.getByLabel('Mật khẩu', { exact: true }).fill(STRONG_PASSWORD);
    await off.getByRole('button', { name: 'Tắt xác thực hai bước' }).click();
    await page.getByText('Đã tắt xác thực hai bước.').waitFor();
    await page.getByRole('button', { name: /Tài khoản/ }).click();
    await page.getByRole('menuitem', { name: 'Bật xác thực hai bước' }).waitFor();
    await page.context().close();
  });
});
