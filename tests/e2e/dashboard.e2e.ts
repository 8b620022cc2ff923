// The dashboard in a real browser against `pnpm start` on a fresh embedded database with the demo.
import { describe, expect, test } from 'vitest';
import { DEMO } from './support/trofast.ts';
import { screenshot, signIn, submitSignIn } from './support/browser.ts';
import { useTrofastInBrowser } from './support/suite.ts';

describe.skipIf(Boolean(process.env.DATABASE_URL))('the dashboard, signed in by role', () => {
  const suite = useTrofastInBrowser({ name: 'dashboard' });

  test('log in as the demo manager and see the alert board', async () => {
    const { page } = suite.browser;
    await signIn(page, suite.trofast.webUrl, DEMO.manager);
    await page.waitForURL(`${suite.trofast.webUrl}/`, { waitUntil: 'commit' });
    await page.getByRole('heading', { level: 1, name: 'Alert board' }).waitFor();
    await page.locator('[data-connection="live"]').waitFor();
    expect(await page.getByText('Mads Kjær', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    // Loaded: the list, its empty state or its error state, no skeleton left.
    await page.waitForFunction(() => document.querySelectorAll('.skeleton').length === 0);
    await screenshot(page, 'board-manager');

    // The session lives in an HTTP-only, SameSite cookie: page scripts never see the token.
    const session = (await suite.browser.context.cookies()).find((cookie) => cookie.name === 'trofast_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(await page.evaluate(() => document.cookie)).not.toContain('trofast_session');
  });

  test('a wrong password shows an error at the form', async () => {
    const { page } = suite.browser;
    await submitSignIn(page, suite.trofast.webUrl, DEMO.manager, 'not-the-password');
    const error = page.locator('form [role="alert"]');
    await error.waitFor();
    expect((await error.textContent())?.trim()).not.toBe('');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Email').inputValue()).toBe(DEMO.manager);
    await screenshot(page, 'login-wrong-password');
  });

  test('a VIEWER sees no action buttons', async () => {
    const { page } = suite.browser;
    await signIn(page, suite.trofast.webUrl, DEMO.viewer);
    await page.getByRole('heading', { level: 1, name: 'Alert board' }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.skeleton').length === 0);
    for (const name of ['Acknowledge', 'Assign to me', 'Resolve']) {
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    }
    await page.goto(`${suite.trofast.webUrl}/rewards`);
    await page.getByRole('heading', { level: 1, name: 'Rewards' }).waitFor();
    expect(await page.getByRole('button', { name: 'Create a reward' }).count()).toBe(0);
    await screenshot(page, 'rewards-viewer');
  });

  test('an AGENT cannot open settings', async () => {
    const { page } = suite.browser;
    await signIn(page, suite.trofast.webUrl, DEMO.agent);
    await page.getByRole('heading', { level: 1, name: 'Alert board' }).waitFor();
    expect(await page.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    const response = await page.goto(`${suite.trofast.webUrl}/settings`);
    expect(response?.status()).toBe(403);
    await page.getByRole('heading', { level: 1, name: 'Not for your role' }).waitFor();
    await screenshot(page, 'settings-agent-forbidden');
  });

  test('every page renders its heading for an admin, at laptop and tablet width, in English and Danish', async () => {
    const { page } = suite.browser;
    await signIn(page, suite.trofast.webUrl, DEMO.admin);
    await page.getByRole('heading', { level: 1, name: 'Alert board' }).waitFor();
    const pages = [
      ['customers', 'Customers'],
      ['incidents', 'Incidents'],
      ['feedback', 'Feedback'],
      ['rewards', 'Rewards'],
      ['settings', 'Settings'],
    ] as const;
    for (const [path, heading] of pages) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: heading }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      // Settled: no skeleton left on the page.
      await page.waitForFunction(() => document.querySelectorAll('.skeleton').length === 0);
      await screenshot(page, `${path}-admin`);
    }
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.getByRole('link', { name: 'Alert board' }).click();
    await page.getByRole('heading', { level: 1, name: 'Alert board' }).waitFor();
    await screenshot(page, 'board-admin-tablet');

    await page.getByRole('button', { name: 'Dansk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Alarmtavle' }).waitFor();
    expect(await page.getByRole('link', { name: 'Kunder' }).isVisible()).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
    await screenshot(page, 'board-admin-danish-tablet');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Alert board' }).waitFor();
    await page.setViewportSize({ width: 1280, height: 860 });
  });

  test('signing out returns to the login page', async () => {
    const { page } = suite.browser;
    await signIn(page, suite.trofast.webUrl, DEMO.admin);
    await page.getByRole('link', { name: 'Settings' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${suite.trofast.webUrl}/login`, { waitUntil: 'commit' });
    await page.goto(`${suite.trofast.webUrl}/`);
    await page.waitForURL(`${suite.trofast.webUrl}/login`, { waitUntil: 'commit' });
    expect(await page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
  });
});
