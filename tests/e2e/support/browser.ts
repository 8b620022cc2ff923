// Debian's Chromium driven by playwright-core: nothing is downloaded. Profiles and temporary files
// stay inside tests/.artifacts.
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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
