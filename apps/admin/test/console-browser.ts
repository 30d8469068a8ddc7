import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { wcagAudit } from '@cong/testing';
import { Browser, BrowserContext, Locator, Page } from 'playwright-core';

export { launchChromium } from '@cong/testing';

/** The console's browser tests open the build the API serves (`npm run admin:build`; `npm run check` makes it). */
export function requireConsoleBuild(): void {
  const index = join(__dirname, '../../../', process.env.ADMIN_DIST_DIR ?? 'dist/admin', 'index.html');
  if (!existsSync(index)) throw new Error(`The admin console is not built (${index} missing): run \`npm run admin:build\` first.`);
}

/** A new browser profile (its own storage), at a phone's or a desk's width, in Vietnamese and the province's zone. */
export function newOfficial(browser: Browser, width = 1280): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width, height: width < 500 ? 780 : 900 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
}

/** Signs in on the console of `origin` (e.g. http://lao-cai.localhost:port) as a person would; operators at /admin/quoc-gia. */
export async function signIn(page: Page, origin: string, username: string, password: string, path = '/admin/'): Promise<void> {
  await page.goto(`${origin}${path}`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** Axe (WCAG 2.1 A and AA) on the page as it is now: the violations, named for the failure message. */
export async function accessibilityViolations(page: Page, exclude: string[] = []): Promise<string[]> {
  // Measured once antd's opening and closing animations (half-transparent colours) are over. A toast
  // ("Đã lưu") fades out on a timer of its own, half-transparent for a while: left out.
  await settled(page);
  const result = await wcagAudit(page, [...exclude, '.ant-message']);
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Fails naming the screen and every violation axe finds on it. */
export async function expectAccessible(page: Page, screen: string, exclude: string[] = []): Promise<void> {
  expect({ screen, violations: await accessibilityViolations(page, exclude) }).toEqual({ screen, violations: [] });
}

/** Until antd's opening and closing animations (dialogs, dropdowns) are over: things stand still. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    // A button's loading icon may keep its leave class once the request is over: it moves nothing.
    () =>
      !document.querySelector(
        ':is([class*="-enter-active"], [class*="-appear-active"], [class*="-leave-active"]):not(.ant-btn-loading-icon)',
      ),
  );
}

/** Picks an option of an antd Select by its label, as a person would: open, type to narrow, click. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  await settled(page);
  const select = page.getByLabel(label, { exact: true });
  await select.click();
  if (await select.evaluate((e) => e instanceof HTMLInputElement && !e.readOnly)) await select.fill(option);
  const dropdown = page.locator('.ant-select-dropdown:visible');
  await settled(page);
  await dropdown.locator('.ant-select-item-option', { hasText: option }).first().click();
  // A busy machine may leave the list open after the choice: it is closed as a person would.
  await dropdown.waitFor({ state: 'hidden', timeout: 5_000 }).catch(async () => {
    await page.keyboard.press('Escape');
    await dropdown.waitFor({ state: 'hidden' });
  });
  const shown = await page.locator('.ant-select', { has: select }).first().textContent();
  if (!shown?.includes(option)) throw new Error(`"${label}" shows "${shown}" after choosing "${option}"`);
}

/** Picks a node of an antd TreeSelect (a tree of units) inside `scope` by its title, as a person would: open, type, click. */
export async function chooseInTree(page: Page, scope: Locator, label: string, title: string): Promise<void> {
  await settled(page);
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(title);
  const dropdown = page.locator('.ant-select-dropdown:visible');
  await settled(page);
  await dropdown.locator('.ant-select-tree-node-content-wrapper', { hasText: title }).first().click();
  await dropdown.waitFor({ state: 'hidden', timeout: 5_000 }).catch(async () => {
    await page.keyboard.press('Escape');
    await dropdown.waitFor({ state: 'hidden' });
  });
  const shown = await scope
    .locator('.ant-select', { has: page.getByLabel(label, { exact: true }) })
    .first()
    .textContent();
  if (!shown?.includes(title)) throw new Error(`"${label}" shows "${shown}" after choosing "${title}"`);
}

/**
 * Confirms the workflow step dialog that is open (its button named `label`), once it stands still,
 * and waits for it to close; a refusal shown in it fails with the API's own words.
 */
export async function confirmStep(page: Page, label: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await settled(page);
  await dialog.getByRole('button', { name: label }).click();
  await Promise.race([
    dialog.waitFor({ state: 'hidden' }),
    dialog
      .getByRole('alert')
      .waitFor()
      .then(async () => {
        throw new Error(`the step "${label}" was refused: ${await dialog.getByRole('alert').textContent()}`);
      }),
  ]);
}

/**
 * The screenshots of docs/admin.md: taken when CONSOLE_SCREENSHOTS names a folder
 * (`npm run admin:screenshots` writes docs/admin/), never in an ordinary run.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.CONSOLE_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`) });
}

/**
 * Presses `button` once things stand still, and again (at most `attempts` times) until `outcome`
 * shows: a loaded machine may lose a press made while a dialog is still opening. For presses that
 * may be repeated (a form refused before any request); `outcome` must not show before.
 */
export async function pressUntil(page: Page, button: Locator, outcome: Locator, attempts = 3): Promise<void> {
  if (await outcome.isVisible()) throw new Error('pressUntil: the outcome shows before the press');
  for (let attempt = 1; attempt < attempts && !(await outcome.isVisible()); attempt++) {
    await settled(page);
    await button.click({ timeout: 5_000 }).catch(() => undefined);
    await outcome.waitFor({ timeout: 5_000 }).catch(() => undefined);
  }
  if (!(await outcome.isVisible())) {
    await settled(page);
    await button.click();
  }
  await outcome.waitFor();
}

/**
 * Types a date-time into an antd picker and confirms it with its OK button, as a person would. A
 * loaded machine may take the OK before the typed text is parsed (the panel closes and the field
 * goes back to its old value): then it is typed and confirmed again, at most three times.
 */
export async function pickTime(page: Page, field: Locator, text: string) {
  const open = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
  for (let attempt = 1; ; attempt++) {
    await settled(page);
    await field.click();
    await field.fill(text);
    await settled(page);
    // OK is enabled once the typed text is parsed: pressed until the panel closes.
    for (let press = 0; press < 5 && (await open.isVisible()); press++) {
      await open
        .locator('.ant-picker-ok button')
        .click({ timeout: 5_000 })
        .catch(() => undefined);
      await open.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    }
    await open.waitFor({ state: 'hidden' });
    await settled(page);
    if ((await field.inputValue()) === text) return;
    if (attempt === 3)
      throw new Error(`the picker shows "${await field.inputValue()}" after "${text}" was typed and confirmed three times`);
  }
}
