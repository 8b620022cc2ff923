// The live board against the real API: alerts a partner's events raise arrive without a reload,
// acting on one changes it on every board, and after the API restarts the board catches up on
// what it missed, showing each alert once.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO } from './support/trofast.ts';
import { openBrowser, screenshot, signIn } from './support/browser.ts';
import { useTrofastInBrowser } from './support/suite.ts';
import { graphqlAt, ignoredCustomer, partnerKey, staffToken, successOf, upsertCustomer } from './support/api.ts';

const cardOf = (page: Page, customerName: string) => page.locator('article[data-alert-id]', { hasText: customerName });

/** The count on a kind's filter button, e.g. "Ignored 132" → 132. */
async function countOf(page: Page, kind: string): Promise<number> {
  const text = (await page.getByRole('button', { name: new RegExp(`^${kind}`) }).textContent()) ?? '';
  return Number(text.replace(/\D/g, ''));
}

/** Marks the page; the mark is gone after a reload or a navigation. */
const markPage = (page: Page) =>
  page.evaluate(() => ((window as unknown as { unreloaded: boolean }).unreloaded = true));
const stillSamePage = (page: Page) => page.evaluate(() => (window as unknown as { unreloaded?: boolean }).unreloaded);

/**
 * Signs in and opens the group of INFO "Ignored" alerts (the demo has many), where the ignored
 * customers these tests create arrive.
 */
async function openBoard(page: Page, webUrl: string, email: string) {
  await signIn(page, webUrl, email);
  await page.getByRole('heading', { level: 1, name: 'Alert board' }).waitFor();
  await page.locator('[data-connection="live"]').waitFor();
  await page.locator('article[data-alert-id]').first().waitFor();
  await page.locator('[data-alert-group="IGNORED"] button[aria-expanded="false"]').click();
  await page.locator('[data-alert-group="IGNORED"] article[data-alert-id]').first().waitFor();
}

describe.skipIf(Boolean(process.env.DATABASE_URL))('the live board', () => {
  const suite = useTrofastInBrowser({ name: 'live', separate: true });

  test('an alert a partner’s events raise appears on open boards without a reload; acknowledging it shows on every board', async () => {
    const { page } = suite.browser;
    const { apiUrl, webUrl } = suite.trofast;
    const key = await partnerKey(apiUrl);
    await openBoard(page, webUrl, DEMO.manager);
    // A second person watches the board in another browser.
    const viewer = await openBrowser();
    try {
      await openBoard(viewer.page, webUrl, DEMO.viewer);
      const ignoredBefore = await countOf(page, 'Ignored');
      await Promise.all([markPage(page), markPage(viewer.page)]);

      // The web shop sends a customer whose only purchase was 120 days ago: nobody has talked to them.
      await ignoredCustomer(apiUrl, key, 'e2e-live-1', 'Vibeke Live', 120);
      const card = cardOf(page, 'Vibeke Live');
      await card.waitFor({ timeout: 10_000 });
      await cardOf(viewer.page, 'Vibeke Live').waitFor({ timeout: 10_000 });
      expect(await card.count()).toBe(1);
      // In its place: with the other INFO alerts of its kind, and the count of its kind went up by one.
      expect(await page.locator('[data-alert-group="IGNORED"]').filter({ has: card }).count()).toBe(1);
      // (At least: the clock may raise an IGNORED alert of the demo's meanwhile.)
      const ignoredWithIt = await countOf(page, 'Ignored');
      expect(ignoredWithIt).toBeGreaterThanOrEqual(ignoredBefore + 1);
      await screenshot(page, 'board-live-alert', { fullPage: false });

      await card.getByRole('button', { name: 'Acknowledge' }).click();
      await card.getByText('Acknowledged by Mads Kjær').waitFor();
      expect(await card.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
      // The other board learns it from the API, not from a reload.
      await cardOf(viewer.page, 'Vibeke Live').getByText('Acknowledged by Mads Kjær').waitFor({ timeout: 10_000 });

      await card.getByRole('combobox', { name: 'Assign to' }).selectOption({ label: 'Sofie Lund' });
      await cardOf(viewer.page, 'Vibeke Live').getByText('Assigned to Sofie Lund').waitFor({ timeout: 10_000 });

      await card.getByRole('button', { name: 'Resolve' }).click();
      await card.waitFor({ state: 'detached' });
      await cardOf(viewer.page, 'Vibeke Live').waitFor({ state: 'detached', timeout: 10_000 });
      expect(await countOf(page, 'Ignored')).toBe(ignoredWithIt - 1);
      expect(await stillSamePage(page)).toBe(true);
      expect(await stillSamePage(viewer.page)).toBe(true);
    } finally {
      await viewer.close();
    }
  }, 90_000);

  test('a partner records two bad experiences: TWO_STRIKES appears on the open board without a reload; acknowledging it changes its state', async () => {
    const { page } = suite.browser;
    const { apiUrl, webUrl } = suite.trofast;
    const key = await partnerKey(apiUrl, 'Support desk (test)');
    await openBoard(page, webUrl, DEMO.manager);
    await markPage(page);
    const id = await upsertCustomer(apiUrl, key, { externalId: 'e2e-strikes-1', name: 'Torben To Gange' });
    const report = `mutation ($input: ReportIncidentInput!) {
        reportIncident(input: $input) { __typename ... on Error { message } ... on MutationReportIncidentSuccess { data { id } } }
      }`;
    for (const title of ['The bike came two weeks late', 'The wrong size was delivered']) {
      const { reportIncident } = await graphqlAt<{ reportIncident: { __typename: string; data?: { id: string } } }>(
        apiUrl,
        report,
        { input: { customer: { id }, title, category: 'DELIVERY', severity: 'MEDIUM' } },
        key,
      );
      successOf(reportIncident);
    }
    const card = page.locator('article[data-alert-id]', { hasText: 'Torben To Gange' }).filter({
      has: page.getByText('Two strikes', { exact: true }),
    });
    await card.waitFor({ timeout: 10_000 });
    expect(await card.getByText('Critical', { exact: true }).isVisible()).toBe(true);
    await screenshot(page, 'board-two-strikes', { fullPage: false });
    await card.getByRole('button', { name: 'Acknowledge' }).click();
    await card.getByText('Acknowledged', { exact: true }).waitFor();
    expect(await card.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
    expect(await stillSamePage(page)).toBe(true);
  }, 60_000);

  test('after the API restarts the board shows reconnecting, then catches up on what it missed, each alert once', async () => {
    const { page } = suite.browser;
    const { apiUrl, webUrl } = suite.trofast;
    const key = await partnerKey(apiUrl, 'Web shop (reconnect test)');
    // The board's WebSocket goes through this gate. Closed, it turns the board's attempts away, so
    // what the test does right after the API is back happens while the board is surely away.
    let admit = true;
    await page.routeWebSocket(/\/graphql$/, (socket) => {
      if (admit) socket.connectToServer();
      else socket.close({ code: 1013, reason: 'Held back by the test' });
    });
    try {
      await openBoard(page, webUrl, DEMO.manager);
      await markPage(page);
      const cards = page.locator('article[data-alert-id]');
      const open = cards.filter({ has: page.getByRole('button', { name: 'Acknowledge' }) });
      const [acknowledgedId, resolvedId] = await open.evaluateAll((items) =>
        items.slice(0, 2).map((item) => item.getAttribute('data-alert-id') ?? ''),
      );

      admit = false;
      const restarted = suite.trofast.restartApi();
      await page.locator('[data-connection="reconnecting"]').waitFor({ timeout: 20_000 });
      await screenshot(page, 'board-reconnecting', { fullPage: false });
      await restarted;

      // While the board is away: a new alert is raised, one is acknowledged and one resolved.
      await ignoredCustomer(apiUrl, key, 'e2e-away-1', 'Mens Du Var Væk', 150);
      const manager = await staffToken(apiUrl, DEMO.manager);
      const act = (mutation: string, id: string) =>
        graphqlAt<Record<string, { __typename: string }>>(
          apiUrl,
          `mutation ($id: ID!) { ${mutation}(id: $id) { __typename ... on Error { message } } }`,
          { id },
          manager,
        );
      expect((await act('acknowledgeAlert', acknowledgedId)).acknowledgeAlert.__typename).toMatch(/Success$/);
      expect((await act('resolveAlert', resolvedId)).resolveAlert.__typename).toMatch(/Success$/);
      expect(await page.locator('[data-connection="live"]').count()).toBe(0);
      expect(await cardOf(page, 'Mens Du Var Væk').count()).toBe(0);

      admit = true;
      await page.locator('[data-connection="live"]').waitFor({ timeout: 20_000 });
      await page.getByText(/^Caught up: \d+ alerts? changed while offline\.$/).waitFor({ timeout: 10_000 });
      await cardOf(page, 'Mens Du Var Væk').waitFor();
      expect(await cardOf(page, 'Mens Du Var Væk').count()).toBe(1);
      await page.locator(`article[data-alert-id="${acknowledgedId}"]`).getByText('Acknowledged by Mads Kjær').waitFor();
      expect(await page.locator(`article[data-alert-id="${resolvedId}"]`).count()).toBe(0);
      const ids = () => cards.evaluateAll((items) => items.map((item) => item.getAttribute('data-alert-id')));
      expect(new Set(await ids()).size).toBe((await ids()).length);
      await screenshot(page, 'board-caught-up', { fullPage: false });

      // Live again: subscriptions resumed, a new alert arrives by itself, once.
      await ignoredCustomer(apiUrl, key, 'e2e-after-1', 'Tilbage Igen', 150);
      await cardOf(page, 'Tilbage Igen').waitFor({ timeout: 10_000 });
      expect(await cardOf(page, 'Tilbage Igen').count()).toBe(1);
      expect(await cardOf(page, 'Mens Du Var Væk').count()).toBe(1);
      expect(new Set(await ids()).size).toBe((await ids()).length);
      expect(await stillSamePage(page)).toBe(true);
    } finally {
      admit = true;
      await page.unrouteAll({ behavior: 'ignoreErrors' });
    }
  }, 120_000);
});
