// The dashboard in a real browser against `pnpm start` on a fresh embedded database with the demo.
import { describe, expect, test } from 'vitest';
import type { Page, Response } from 'playwright-core';
import { DEMO } from './support/trofast.ts';
import { screenshot, signIn, submitSignIn } from './support/browser.ts';
import { useTrofastInBrowser } from './support/suite.ts';
import { customerWithPurchase, graphqlAt, partnerKey, staffToken } from './support/api.ts';

/** Loaded: the list, its empty state or its error state, no skeleton left. */
const settled = (page: Page) => page.waitForFunction(() => document.querySelectorAll('.skeleton').length === 0);

async function signOut(page: Page, label = 'Sign out') {
  await page.getByRole('button', { name: label }).click();
  await page.waitForURL((url) => url.pathname === '/login', { waitUntil: 'commit' });
}

describe.skipIf(Boolean(process.env.DATABASE_URL))('the dashboard, signed in by role', () => {
  const suite = useTrofastInBrowser({ name: 'dashboard' });

  test('log in as the demo manager; the board shows the demo’s open alerts', async () => {
    const { page } = suite.browser;
    const { apiUrl, webUrl } = suite.trofast;
    const token = await staffToken(apiUrl, DEMO.manager);
    const { alerts } = await graphqlAt<{
      alerts: { totalCount: number; edges: { node: { id: string; title: string } }[] };
    }>(
      apiUrl,
      '{ alerts(first: 1, filter: { statuses: [OPEN, ACKNOWLEDGED] }) { totalCount edges { node { id title } } } }',
      {},
      token,
    );
    expect(alerts.totalCount).toBeGreaterThan(0);

    await signIn(page, webUrl, DEMO.manager);
    await page.waitForURL(`${webUrl}/`, { waitUntil: 'commit' });
    await page.getByRole('heading', { level: 1, name: 'Alert board' }).waitFor();
    await page.locator('[data-connection="live"]').waitFor();
    expect(await page.getByText('Mads Kjær', { exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    await settled(page);

    // Every open alert of the demo, once, the newest first, and the count says how many.
    const cards = page.locator('article[data-alert-id]');
    expect(await cards.count()).toBe(alerts.totalCount);
    const ids = await cards.evaluateAll((items) => items.map((item) => item.getAttribute('data-alert-id')));
    expect(new Set(ids).size).toBe(alerts.totalCount);
    expect(await page.getByRole('button', { name: /^All kinds/ }).textContent()).toContain(String(alerts.totalCount));
    await page.getByRole('heading', { level: 3, name: alerts.edges[0].node.title }).first().waitFor();
    expect(await cards.first().getByRole('button', { name: 'Acknowledge' }).isVisible()).toBe(true);
    await screenshot(page, 'board-manager', { fullPage: false });

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

  test('a VIEWER sees the alerts and customers but no actions', async () => {
    const { page } = suite.browser;
    const { webUrl } = suite.trofast;
    await signIn(page, webUrl, DEMO.viewer);
    await page.getByRole('heading', { level: 1, name: 'Alert board' }).waitFor();
    await page.locator('article[data-alert-id]').first().waitFor();
    const main = page.locator('main');
    expect(await main.getByRole('button', { name: /Acknowledge|Assign|Resolve/ }).count()).toBe(0);
    expect(await main.getByRole('combobox', { name: 'Assign to' }).count()).toBe(0);
    await screenshot(page, 'board-viewer', { fullPage: false });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
    await page.locator('tbody a').first().click();
    await page.getByRole('heading', { level: 3, name: 'Why' }).waitFor();
    expect(await main.getByRole('group', { name: 'Actions' }).count()).toBe(0);
    for (const name of ['Log a contact', 'Report an incident', 'Redeem a reward', 'Adjust points']) {
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    }
    await screenshot(page, 'customer-viewer');

    await page.goto(`${webUrl}/rewards`);
    await page.getByRole('heading', { level: 1, name: 'Rewards' }).waitFor();
    expect(await page.getByRole('button', { name: 'Create a reward' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    expect((await page.goto(`${webUrl}/settings`))?.status()).toBe(403);
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

  test('create an API key as admin: the secret is shown once and never again, and it works until revoked', async () => {
    const { page } = suite.browser;
    const { apiUrl, webUrl } = suite.trofast;
    await signIn(page, webUrl, DEMO.admin);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await settled(page);

    await page.getByRole('button', { name: 'Create an API key' }).click();
    const form = page.getByRole('dialog', { name: 'Create an API key' });
    await form.getByLabel('Name').fill('Kassesystem (e2e)');
    await form.getByLabel('customers:read').check();
    await form.getByLabel('events:write').check();
    await form.getByRole('button', { name: 'Create an API key' }).click();

    const shown = page.getByRole('dialog', { name: 'Copy the secret now' });
    await shown.waitFor();
    const secret = ((await shown.getByTestId('api-key-secret').textContent()) ?? '').trim();
    expect(secret.length).toBeGreaterThanOrEqual(20);
    expect(await shown.getByRole('button', { name: 'Copy' }).isVisible()).toBe(true);
    await screenshot(page, 'settings-api-key-secret', { fullPage: false });

    // A partner can use it at once.
    const read = '{ customers(first: 1) { totalCount } }';
    const { customers } = await graphqlAt<{ customers: { totalCount: number } }>(apiUrl, read, {}, secret);
    expect(customers.totalCount).toBeGreaterThan(0);

    await shown.getByRole('button', { name: 'I have stored it' }).click();
    await shown.waitFor({ state: 'hidden' });
    const row = page.locator('#api-keys tbody tr', { hasText: 'Kassesystem (e2e)' });
    await row.waitFor();
    const prefix = ((await row.locator('code').textContent()) ?? '').replace('…', '');
    expect(prefix.length).toBeGreaterThan(0);
    expect(secret.startsWith(prefix)).toBe(true);
    expect(prefix.length).toBeLessThan(secret.length);
    // Never again: not in the page, not after a reload, not in what the page's API calls return.
    expect(await page.content()).not.toContain(secret);
    const answers: Promise<string>[] = [];
    const collect = (response: Response) => {
      if (response.url().endsWith('/graphql')) answers.push(response.text().catch(() => ''));
    };
    page.on('response', collect);
    await page.reload();
    await row.waitFor();
    await settled(page);
    page.off('response', collect);
    expect(await page.content()).not.toContain(secret);
    const bodies = await Promise.all(answers);
    expect(bodies.some((body) => body.includes('Kassesystem (e2e)'))).toBe(true);
    expect(bodies.join('\n')).not.toContain(secret);
    await screenshot(page, 'settings-admin');

    // Revoked, the key is refused from the next request on.
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByRole('button', { name: 'Revoke?' }).click();
    await row.getByText('Revoked', { exact: true }).waitFor();
    await expect(graphqlAt(apiUrl, read, {}, secret)).rejects.toThrow();
  });

  test('the customer page explains the risk and the ledger in Danish for a user whose language is Danish', async () => {
    const { page } = suite.browser;
    const { apiUrl, webUrl } = suite.trofast;
    // A web shop sends a customer and one purchase from January; nobody has talked to them since.
    const key = await partnerKey(apiUrl, 'Web shop (language test)');
    await customerWithPurchase(
      apiUrl,
      key,
      { externalId: 'e2e-dansk-1', name: 'Karin Østergaard', locale: 'DA' },
      { amountMinor: 120_000, occurredAt: '2026-01-03T10:00:00Z' },
    );

    // The admin adds a colleague who reads English.
    await signIn(page, webUrl, DEMO.admin);
    await page.getByRole('link', { name: 'Settings' }).click();
    await settled(page);
    await page.getByRole('button', { name: 'Add a user' }).click();
    const form = page.getByRole('dialog', { name: 'Add a user' });
    await form.getByLabel('Name').fill('Lene Holm');
    await form.getByLabel('Email').fill('lene@nordlys.example');
    await form.getByLabel('Role').selectOption('AGENT');
    await form.getByLabel('Language').selectOption('EN');
    await form.getByLabel(/Initial password/).fill('lene-holm-2026');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.locator('#users tbody tr', { hasText: 'lene@nordlys.example' }).waitFor();
    await signOut(page);

    // She chooses Danish; the choice is stored on her, so it is there at her next sign-in.
    await signIn(page, webUrl, 'lene@nordlys.example', 'lene-holm-2026');
    await page.getByRole('heading', { level: 1, name: 'Alert board' }).waitFor();
    await page.getByRole('button', { name: 'Dansk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Alarmtavle' }).waitFor();
    await signOut(page, 'Log ud');
    await suite.browser.context.clearCookies();
    await signIn(page, webUrl, 'lene@nordlys.example', 'lene-holm-2026');
    await page.getByRole('heading', { level: 1, name: 'Alarmtavle' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('da');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Kunder' }).click();
    await page.getByLabel('Søg').fill('Østergaard');
    await page.getByRole('link', { name: 'Karin Østergaard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Karin Østergaard' }).waitFor();
    const why = page.getByRole('list', { name: 'Hvorfor' });
    await why.getByText('Overset', { exact: true }).waitFor();
    expect(await why.textContent()).toMatch(/Aldrig kontaktet personligt, i \d+ dage som kunde\./);
    await page.getByText('120 point for dit køb på 1.200,00 kr. den 3. jan. 2026 (1 point pr. 10 kr.)').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Pointkonto' }).waitFor();
    await page.getByText('Intet de seneste 90 dage.').waitFor();
    await screenshot(page, 'customer-danish');
    await page.setViewportSize({ width: 768, height: 1024 });
    await screenshot(page, 'customer-danish-tablet');
    await page.setViewportSize({ width: 1280, height: 860 });
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
      await settled(page);
      await screenshot(page, `${path}-admin`);
    }
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.getByRole('link', { name: 'Alert board' }).click();
    await page.getByRole('heading', { level: 1, name: 'Alert board' }).waitFor();
    await settled(page);
    await screenshot(page, 'board-admin-tablet', { fullPage: false });

    await page.getByRole('button', { name: 'Dansk' }).click();
    try {
      await page.getByRole('heading', { level: 1, name: 'Alarmtavle' }).waitFor();
      expect(await page.getByRole('link', { name: 'Kunder' }).isVisible()).toBe(true);
      expect(await page.locator('html').getAttribute('lang')).toBe('da');
      await settled(page);
      await screenshot(page, 'board-admin-danish-tablet', { fullPage: false });
    } finally {
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Alert board' }).waitFor();
      await page.setViewportSize({ width: 1280, height: 860 });
    }
  });

  test('signing out returns to the login page', async () => {
    const { page } = suite.browser;
    await signIn(page, suite.trofast.webUrl, DEMO.admin);
    await page.getByRole('link', { name: 'Settings' }).waitFor();
    await signOut(page);
    await page.goto(`${suite.trofast.webUrl}/`);
    await page.waitForURL(`${suite.trofast.webUrl}/login`, { waitUntil: 'commit' });
    expect(await page.getByRole('button', { name: 'Sign in' }).isVisible()).toBe(true);
  });
});
