import { Browser, Locator, Page } from 'playwright-core';
import { SeededApi, seededApi } from '../../api/test/seeded-api';
import { invitedAccount, STRONG_PASSWORD } from '../../api/test/auth-session';
import { choose, expectAccessible, launchChromium, newOfficial, requireConsoleBuild, screenshot, settled, signIn } from './console-browser';

/** Picks a unit in an antd TreeSelect (the form's tree of units) by its name, as a person would: open, type, click. */
async function chooseUnit(page: Page, scope: Locator, label: string, unit: string): Promise<void> {
  await settled(page);
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(unit);
  const dropdown = page.locator('.ant-select-dropdown:visible');
  await settled(page);
  await dropdown.locator('.ant-select-tree-node-content-wrapper', { hasText: unit }).first().click();
  await dropdown.waitFor({ state: 'hidden', timeout: 5_000 }).catch(async () => {
    await page.keyboard.press('Escape');
    await dropdown.waitFor({ state: 'hidden' });
  });
  const shown = await scope
    .locator('.ant-select', { has: page.getByLabel(label, { exact: true }) })
    .first()
    .textContent();
  if (!shown?.includes(unit)) throw new Error(`"${label}" shows "${shown}" after choosing "${unit}"`);
}

/** Closes a drawer by its button once the confirmations shown above it have gone (antd's toasts stand over that button). */
async function closeDrawer(page: Page, drawer: Locator): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.ant-message-notice'));
  await drawer.getByRole('button', { name: 'Đóng' }).click();
  await drawer.waitFor({ state: 'hidden' });
}

/**
 * The IT centre's unit screen in a real browser (Debian's Chromium), against the real API,
 * PostgreSQL and Redis; axe (WCAG 2.1 AA) on each screen passed; what the screen did is read back
 * from the API.
 */
describe('admin console in Chromium, the unit tree (issue 18)', () => {
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
  jest.setTimeout(240_000);

  const unitOf = async (code: string) => {
    const answer = await seeded.lc.send('GET', `/api/v1/units/${code}`, undefined, seeded.admin);
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it('NA-8.1, LC-3.1a: the IT centre sees the unit tree with each team and its leader; adds a unit, moves it under another, and deactivates it', async () => {
    const { lc, admin } = seeded;
    await invitedAccount(lc, admin, 'lanhdao.dv', [{ role: 'unit_head', unit: 'so-y-te' }], { displayName: 'Vàng A Lãnh' });
    await invitedAccount(lc, admin, 'bientap.dv', [{ role: 'unit_editor', unit: 'so-y-te' }], { displayName: 'Lò Thị Biên' });

    const page = await (await newOfficial(browser)).newPage();
    await signIn(page, origin, 'it.laocai', STRONG_PASSWORD);
    await page.getByRole('menuitem', { name: /Đơn vị$/ }).click();
    await page.getByRole('heading', { name: 'Đơn vị', exact: true }).waitFor();
    const tree = page.getByRole('tree', { name: 'Cây đơn vị' });
    await tree.getByRole('treeitem', { name: /^UBND tỉnh Lào Cai \(ubnd-tinh\) UBND tỉnh/ }).waitFor();
    await tree.getByRole('treeitem', { name: /^Sở Tài chính \(so-tai-chinh\) Sở/ }).waitFor();
    await tree.getByRole('treeitem', { name: /^Huyện Sa Pa \(h-sa-pa\) Huyện/ }).waitFor();
    await expectAccessible(page, 'unit tree');
    await screenshot(page, 'don-vi');

    // Found with the accents left out: the unit and the one above it stay in the tree.
    const search = page.getByLabel('Tìm đơn vị theo tên hoặc mã');
    await search.fill('so y te');
    await tree.getByRole('treeitem', { name: /^Sở Tài chính/ }).waitFor({ state: 'detached' });
    expect(await tree.getByRole('treeitem').allTextContents()).toEqual(['UBND tỉnh Lào Cai (ubnd-tinh) UBND tỉnh', 'Sở Y tế (so-y-te) Sở']);
    // Opened from the keyboard: End goes to the last unit shown, Space opens it.
    await tree.focus();
    await page.keyboard.press('End');
    await page.keyboard.press(' ');
    await page.getByRole('dialog', { name: 'Sở Y tế', exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('don-vi')).toBe('so-y-te');

    // Its information team, and the head named to lead it (NA-8.1, LC-3.1a).
    const health = page.getByRole('dialog', { name: 'Sở Y tế', exact: true });
    await health.getByRole('row', { name: /Vàng A Lãnh lanhdao\.dv Lãnh đạo đơn vị/ }).waitFor();
    await health.getByRole('row', { name: /Lò Thị Biên bientap\.dv Biên tập viên/ }).waitFor();
    await health.getByText('Người phụ trách: chưa giao').waitFor();
    await choose(page, 'Người phụ trách tổ thông tin', 'Vàng A Lãnh');
    await page.getByText('Đã giao người phụ trách tổ thông tin.').waitFor();
    await health.getByText('Người phụ trách: Vàng A Lãnh').waitFor();
    await health.getByRole('row', { name: 'Vàng A Lãnh lanhdao.dv Lãnh đạo đơn vị Phụ trách' }).waitFor();
    const team = await lc.send('GET', '/api/v1/units/so-y-te/team', undefined, admin);
    const lead = team.body.members.find((m: { username: string }) => m.username === 'lanhdao.dv');
    expect(team.body.leaderId).toBe(lead.userId);
    expect((await unitOf('so-y-te')).teamLeaderId).toBe(lead.userId);
    await expectAccessible(page, 'unit detail');
    await page.waitForFunction(() => !document.querySelector('.ant-message-notice'));
    await screenshot(page, 'don-vi-chi-tiet');
    await closeDrawer(page, health);

    // A unit added: a code the API refuses (422), then one taken (409), each said under the field, then a good one.
    await page.getByRole('button', { name: 'Thêm đơn vị', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị' });
    const code = dialog.getByLabel('Mã đơn vị');
    // Its name is "loading Thêm" while antd's spinner fades out.
    const addButton = dialog.getByRole('button', { name: /Thêm$/ });
    const codeField = dialog.locator('.ant-form-item', { has: page.getByLabel('Mã đơn vị') });
    await code.fill('TT Kiểm soát bệnh tật');
    await dialog.getByLabel('Tên đơn vị').fill('Trung tâm Kiểm soát bệnh tật tỉnh');
    await choose(page, 'Loại đơn vị', 'Ban');
    await chooseUnit(page, dialog, 'Trực thuộc', 'UBND tỉnh Lào Cai');
    const posted = () => page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/api/v1/units'));
    let answer = posted();
    await addButton.click();
    expect((await answer).status()).toBe(422);
    await codeField.getByText('Mã chỉ gồm chữ thường không dấu, chữ số và dấu "-" (ví dụ so-y-te).').waitFor();
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'add unit dialog with a refused code');
    await code.fill('so-y-te');
    answer = posted();
    await addButton.click();
    expect((await answer).status()).toBe(409);
    await codeField.getByText('Mã đơn vị "so-y-te" đã được sử dụng.').waitFor();
    expect((await unitOf('so-y-te')).name).toBe('Sở Y tế'); // the taken code's unit is untouched
    await code.fill('ttksbt');
    answer = posted();
    await addButton.click();
    expect((await answer).status()).toBe(201);
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Đã thêm Trung tâm Kiểm soát bệnh tật tỉnh.').waitFor();
    expect(await unitOf('ttksbt')).toMatchObject({
      code: 'ttksbt',
      name: 'Trung tâm Kiểm soát bệnh tật tỉnh',
      kind: 'board',
      parent: 'ubnd-tinh',
      active: true,
      managedBy: 'api',
    });

    // The new unit opens; moved under Sở Y tế with the form's tree of units (the keyboard's way).
    expect(new URL(page.url()).searchParams.get('don-vi')).toBe('ttksbt');
    const added = page.getByRole('dialog', { name: 'Trung tâm Kiểm soát bệnh tật tỉnh', exact: true });
    await added.getByText('Thêm trên trang quản trị').waitFor();
    await chooseUnit(page, added, 'Trực thuộc', 'Sở Y tế');
    await added.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByText('Đã lưu đơn vị.').waitFor();
    expect((await unitOf('ttksbt')).parent).toBe('so-y-te');
    await closeDrawer(page, added);
    await search.fill('kiem soat');
    await tree.getByRole('treeitem', { name: /^Trung tâm Kiểm soát bệnh tật tỉnh/ }).waitFor();
    expect(await tree.getByRole('treeitem').allTextContents()).toEqual([
      'UBND tỉnh Lào Cai (ubnd-tinh) UBND tỉnh',
      'Sở Y tế (so-y-te) Sở',
      'Trung tâm Kiểm soát bệnh tật tỉnh (ttksbt) Ban',
    ]);

    // Sở Y tế now has an active sub-unit: the API refuses to deactivate it, and says why.
    await tree.getByText('Sở Y tế', { exact: true }).click();
    await health.getByText('Trung tâm Kiểm soát bệnh tật tỉnh').waitFor();
    await health.getByRole('button', { name: 'Ngừng hoạt động', exact: true }).click();
    const refusal = page.waitForResponse((r) => r.request().method() === 'DELETE' && r.url().endsWith('/api/v1/units/so-y-te'));
    await page.getByRole('dialog', { name: 'Ngừng hoạt động Sở Y tế?' }).getByRole('button', { name: 'Ngừng hoạt động' }).click();
    expect((await refusal).status()).toBe(409);
    await health.getByRole('alert').getByText('Đơn vị "so-y-te" còn đơn vị trực thuộc đang hoạt động: ttksbt.').waitFor();
    expect((await unitOf('so-y-te')).active).toBe(true);
    await closeDrawer(page, health);

    // Dragged back onto UBND tỉnh in the tree, confirmed: it leaves Sở Y tế.
    const province = tree.locator('.ant-tree-node-content-wrapper', { hasText: 'UBND tỉnh Lào Cai' });
    const box = (await province.boundingBox())!;
    await tree
      .locator('.ant-tree-node-content-wrapper', { hasText: 'Trung tâm Kiểm soát bệnh tật tỉnh' })
      .dragTo(province, { sourcePosition: { x: 10, y: 10 }, targetPosition: { x: Math.min(box.width - 5, 150), y: box.height / 2 } });
    await page
      .getByRole('dialog', { name: 'Chuyển Trung tâm Kiểm soát bệnh tật tỉnh vào UBND tỉnh Lào Cai?' })
      .getByRole('button', { name: 'Chuyển' })
      .click();
    await page.getByText('Đã chuyển đơn vị.').waitFor();
    expect((await unitOf('ttksbt')).parent).toBe('ubnd-tinh');
    await tree.getByRole('treeitem', { name: /^Sở Y tế/ }).waitFor({ state: 'detached' });
    expect(await tree.getByRole('treeitem').allTextContents()).toEqual([
      'UBND tỉnh Lào Cai (ubnd-tinh) UBND tỉnh',
      'Trung tâm Kiểm soát bệnh tật tỉnh (ttksbt) Ban',
    ]);

    // The new unit deactivated: gone from the tree, back when deactivated units are shown.
    await tree.getByText('Trung tâm Kiểm soát bệnh tật tỉnh', { exact: true }).click();
    await added.getByRole('button', { name: 'Ngừng hoạt động', exact: true }).click();
    await page
      .getByRole('dialog', { name: 'Ngừng hoạt động Trung tâm Kiểm soát bệnh tật tỉnh?' })
      .getByRole('button', { name: 'Ngừng hoạt động' })
      .click();
    await page.getByText('Đã ngừng hoạt động Trung tâm Kiểm soát bệnh tật tỉnh.').waitFor();
    await added.getByText('Ngừng hoạt động', { exact: true }).waitFor();
    expect((await unitOf('ttksbt')).active).toBe(false);
    await closeDrawer(page, added);
    await tree.getByRole('treeitem', { name: /^Trung tâm Kiểm soát/ }).waitFor({ state: 'detached' });
    await page.getByText('Không có đơn vị nào khớp.').waitFor();
    await page.getByLabel('Hiện cả đơn vị đã ngừng hoạt động').click();
    await tree.getByRole('treeitem', { name: 'Trung tâm Kiểm soát bệnh tật tỉnh (ttksbt) Ban Ngừng hoạt động' }).waitFor();
    await page.context().close();

    // At a phone's width, from an address: the unit opens with its team and leader, nothing wider than the screen.
    const phone = await (await newOfficial(browser, 360)).newPage();
    await signIn(phone, origin, 'it.laocai', STRONG_PASSWORD);
    await phone.getByRole('heading', { name: /Xin chào/ }).waitFor();
    await phone.goto(`${origin}/admin/don-vi?don-vi=so-y-te`);
    const small = phone.getByRole('dialog', { name: 'Sở Y tế', exact: true });
    await small.getByText('Người phụ trách: Vàng A Lãnh').waitFor();
    await small.getByRole('row', { name: /Lò Thị Biên/ }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(phone, 'unit detail at 360 px');

    // NA-7.2e: the user guides, the IT centre's own first; a link in it opens the editorial board's, screenshots within the screen.
    await closeDrawer(phone, small);
    await phone.getByRole('button', { name: 'Mở danh mục' }).click();
    await phone.getByRole('menuitem', { name: /Hướng dẫn sử dụng$/ }).click();
    await phone.getByRole('heading', { name: 'Hướng dẫn sử dụng', level: 1 }).waitFor();
    const guide = phone.locator('article.cong-guide');
    await phone
      .getByRole('navigation', { name: 'Các bản hướng dẫn' })
      .getByRole('link', { name: /^Trung tâm Công nghệ thông tin .*\(vai trò của bạn\)$/ })
      .waitFor();
    await guide.getByRole('heading', { name: 'Tài khoản', level: 3 }).waitFor();
    await screenshot(phone, 'huong-dan');
    await guide.getByRole('img', { name: 'Mời người dùng' }).scrollIntoViewIfNeeded();
    await phone.waitForFunction(() =>
      Array.from(document.querySelectorAll('.cong-guide img')).some((i) => (i as HTMLImageElement).naturalWidth > 0),
    );
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(phone, 'user guide at 360 px');
    await guide.getByRole('link', { name: 'hướng dẫn cho Ban biên tập' }).click();
    await guide.getByRole('heading', { name: 'Chuyển câu hỏi của người dân' }).waitFor();
    expect(new URL(phone.url()).searchParams.get('bai')).toBe('ban-bien-tap');
    await phone.context().close();
  });
});
