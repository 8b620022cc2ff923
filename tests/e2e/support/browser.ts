// Debian's Chromium driven by playwright-core: nothing is downloaded. Profiles and temporary files
// stay inside tests/.artifacts.
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { expect } from 'vitest';
import path from 'node:path';
import { artifacts, DEMO_PASSWORD } from './trofast.ts';

export const screenshots = path.join(artifacts, 'screenshots');
/** The demo's staff sit in Denmark: the dashboard shows times in the browser's zone. */
export const TIME_ZONE = 'Europe/Copenhagen';
/** Debian's Chromium (`apt-get install -y chromium`); tests/run.ts skips the browser tests without it. */
export const CHROMIUM = '/usr/bin/chromium';

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function openBrowser(options: { viewport?: { width: number; height: number } } = {}): Promise<Browser> {
  mkdirSync(artifacts, { recursive: true });
  process.env.TMPDIR = artifacts;
  const profile = mkdtempSync(path.join(artifacts, 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: options.viewport ?? { width: 1280, height: 860 },
    locale: 'en-GB',
    timezoneId: TIME_ZONE,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Fills in the sign-in form and submits it; see `signIn` for a sign-in that must succeed. */
export async function submitSignIn(page: Page, webUrl: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${webUrl}/login`);
  // Fill in after hydration: hydrating sets the email field's value and would wipe what was typed.
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in and waits until the app is shown. */
export async function signIn(page: Page, webUrl: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await submitSignIn(page, webUrl, email, password);
  // The URL is enough: what the test looks for next waits for its own content.
  await page.waitForURL((url) => url.pathname !== '/login', { waitUntil: 'commit' });
}

/** Saves tests/.artifacts/screenshots/<name>.png: the whole page, or only what a screen shows (a long board). */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<string> {
  mkdirSync(screenshots, { recursive: true });
  const file = path.join(screenshots, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

export const PHONE = { width: 390, height: 844 };
export const LAPTOP = { width: 1440, height: 900 };

/** Loaded: the lists, their empty states or their error states, no skeleton left. */
export const settled = (page: Page) => page.waitForFunction(() => document.querySelectorAll('.skeleton').length === 0);

/** How far the page reaches past the viewport's right edge, in CSS pixels (0 when it fits). */
export const overflow = (page: Page) =>
  page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth));

/**
 * What a phone and a laptop show, into `folder` as `<name>-<width>.png`, each size checked not to
 * scroll sideways; `focus` is scrolled into view first (a dialog shows itself). Leaves the laptop's size.
 */
export async function shootBothSizes(
  page: Page,
  folder: string,
  name: string,
  options: { focus?: Locator; fullPage?: boolean } = {},
): Promise<void> {
  mkdirSync(folder, { recursive: true });
  for (const size of [PHONE, LAPTOP]) {
    await page.setViewportSize(size);
    expect(await overflow(page), `${name} at ${size.width} px scrolls sideways`).toBe(0);
    await options.focus?.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(folder, `${name}-${size.width}.png`), fullPage: options.fullPage });
  }
  await page.setViewportSize(LAPTOP);
}
