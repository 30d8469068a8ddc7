import type AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';

// Loaded only by the browser specs: every other spec imports this library without them.

/**
 * Debian's Chromium (`npm run check` installs it where missing; CHROMIUM_PATH elsewhere), headless,
 * with the flags this closed network needs: without the background-networking ones Chromium's
 * own connections are refused many at a time.
 */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Axe with the rules of WCAG 2.1 levels A and AA, on the page as it is now. */
export async function wcagAudit(page: Page, exclude: string[] = []): ReturnType<AxeBuilder['analyze']> {
  const { default: Axe } = await import('@axe-core/playwright');
  const axe = new Axe({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  for (const selector of exclude) axe.exclude(selector);
  return axe.analyze();
}
