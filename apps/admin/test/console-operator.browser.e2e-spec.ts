import { todayIn } from '@cong/rules';
import { Browser } from 'playwright-core';
import { Caller, readyAccount, STRONG_PASSWORD } from '../../api/test/auth-session';
import { SeededApi, seededApi } from '../../api/test/seeded-api';
import { expectAccessible, launchChromium, newOfficial, requireConsoleBuild, screenshot } from './console-browser';

/**
 * The national operators' screens of the console (issue 18, items 6 and 7) in a real browser,
 * against the real API, PostgreSQL and Redis; axe (WCAG 2.1 AA) on each screen.
 */
describe('admin console in Chromium, national operators (issue 18)', () => {
  let seeded: SeededApi;
  let browser: Browser;
  let port: string;

  beforeAll(async () => {
    requireConsoleBuild();
    seeded = await seededApi();
    await readyAccount(seeded.ctx, new Caller(seeded.api, null), 'op.lan', null);
    port = new URL(seeded.api.baseUrl).port;
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await seeded?.close();
  });
  jest.setTimeout(120_000);

  it('NA-8.2, LC-2.3a: an operator lists the provinces, compares the rules and the compliance of Nghệ An and Lào Cai, and reads the access trail', async () => {
    const page = await (await newOfficial(browser)).newPage();
    // On the platform's own address (no province's domain): the picker leads operators to their sign-in.
    await page.goto(`http://127.0.0.1:${port}/admin/`);
    await page.getByRole('link', { name: 'đăng nhập trang điều hành quốc gia' }).click();
    await page.getByRole('heading', { name: /Điều hành quốc gia/ }).waitFor();
    await page.getByLabel('Tên đăng nhập').fill('op.lan');
    await page.getByLabel('Mật khẩu').fill(STRONG_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    await page.getByRole('heading', { name: 'Các tỉnh trên nền tảng' }).waitFor();
    const laoCaiUnits = (await seeded.lc.send('GET', '/api/v1/units', undefined, seeded.admin)).body.length;
    const laoCaiRow = page.getByRole('row', { name: /Tỉnh Lào Cai/ });
    await laoCaiRow.waitFor();
    expect(await laoCaiRow.textContent()).toContain(`${laoCaiUnits}`);
    await page.getByRole('row', { name: /Tỉnh Nghệ An/ }).waitFor();
    await expectAccessible(page, 'provinces');
    await screenshot(page, 'quoc-gia-cac-tinh');

    await page.getByRole('link', { name: 'Tỉnh Lào Cai' }).click();
    await page.getByRole('heading', { name: 'Quy tắc của Tỉnh Lào Cai' }).waitFor();
    expect(await page.getByLabel('tenant.yaml của phiên bản 1').inputValue()).toContain('code: lao-cai');
    await expectAccessible(page, 'a province rules');

    await page.getByRole('menuitem', { name: 'So sánh quy tắc' }).click();
    await page.getByRole('heading', { name: 'So sánh quy tắc giữa hai tỉnh' }).waitFor();
    await page.goto(`http://127.0.0.1:${port}/admin/quoc-gia/so-sanh-quy-tac?a=nghe-an&b=lao-cai`);
    const quotas = page.getByRole('row', { name: /Chỉ tiêu số lượng tin bài/ });
    await quotas.getByText('NA-8.2').waitFor();
    const [, ngheAnQuota, laoCaiQuota] = await quotas.getByRole('cell').allTextContents();
    expect(ngheAnQuota).toContain('Ít nhất 2 tin bài mỗi tuần');
    expect(laoCaiQuota).toBe('Không quy định');
    const [, ngheAnDays, laoCaiDays] = await page
      .getByRole('row', { name: /Lịch cập nhật/ })
      .getByRole('cell')
      .allTextContents();
    expect(ngheAnDays).toBe('Không quy định');
    expect(laoCaiDays).toContain('Các ngày thứ Hai, thứ Tư, thứ Sáu: ít nhất 1 tin');
    expect(laoCaiDays).toContain('LC-2.3a');
    const [, ngheAnPay, laoCaiPay] = await page
      .getByRole('row', { name: /Nhuận bút/ })
      .getByRole('cell')
      .allTextContents();
    expect(ngheAnPay).toContain('NA-10.1');
    expect(laoCaiPay).toContain('LC-3.1c');
    await expectAccessible(page, 'rules comparison');
    await screenshot(page, 'quoc-gia-so-sanh-quy-tac');

    await page.getByRole('menuitem', { name: 'So sánh tuân thủ' }).click();
    await page.getByRole('heading', { name: 'So sánh tình hình thực hiện giữa các tỉnh' }).waitFor();
    const compared = (
      await new Caller(seeded.api, null).send(
        'GET',
        `/api/v1/operator/compliance/compare?period=month&date=${todayIn('Asia/Ho_Chi_Minh')}`,
        undefined,
        (await new Caller(seeded.api, null).login('op.lan', STRONG_PASSWORD)).body.accessToken,
      )
    ).body as { name: string; units: number }[];
    for (const province of compared) {
      const row = page.getByRole('region', { name: 'Kết quả của các tỉnh' }).getByRole('row', { name: new RegExp(province.name) });
      await row.waitFor();
      expect(await row.textContent()).toContain(String(province.units));
    }
    await expectAccessible(page, 'compliance comparison');
    await screenshot(page, 'quoc-gia-so-sanh-tuan-thu');

    // Every read above opened the provinces' rows: the trail says who, why and about which province.
    await page.getByRole('menuitem', { name: 'Nhật ký truy cập' }).click();
    await page.getByRole('heading', { name: 'Nhật ký truy cập liên tỉnh' }).waitFor();
    await page.getByRole('cell', { name: 'operator API: rules of lao-cai' }).first().waitFor();
    await expectAccessible(page, 'access log');
    await screenshot(page, 'quoc-gia-nhat-ky-truy-cap');

    // NA-7.2e: their user guide, alone (the provinces' guides are not theirs).
    await page.getByRole('menuitem', { name: /Hướng dẫn sử dụng$/ }).click();
    await page.getByRole('heading', { name: 'Hướng dẫn cho vận hành quốc gia', level: 2 }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Các bản hướng dẫn' }).count()).toBe(0);
    await expectAccessible(page, 'operator user guide');

    // The operators' console does not open on a province's domain.
    const onProvince = await (await newOfficial(browser)).newPage();
    await onProvince.goto(`http://lao-cai.localhost:${port}/admin/quoc-gia`);
    await onProvince.getByText('Trang điều hành quốc gia không mở trên tên miền của tỉnh.').waitFor();
    await onProvince.context().close();
    await page.context().close();
  });
});
