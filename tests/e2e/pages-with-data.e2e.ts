// How the pages render contract-shaped data: the dashboard's /graphql answers come from fixtures
// (support/fixtures.ts), so these run before the API serves alerts, customers and the rest.
import { describe, expect, test } from 'vitest';
import type { Route } from 'playwright-core';
import { DEMO } from './support/trofast.ts';
import { screenshot, signIn } from './support/browser.ts';
import { useTrofastInBrowser } from './support/suite.ts';
import { alerts, serveFixtures } from './support/fixtures.ts';

describe.skipIf(Boolean(process.env.DATABASE_URL))('the pages with data', () => {
  const suite = useTrofastInBrowser({ name: 'pages', prepare: ({ browser }) => serveFixtures(browser.page) });

  test('the board lists open alerts newest first with counts per kind, and acknowledging updates one in place', async () => {
    const { page } = suite.browser;
    await signIn(page, suite.trofast.webUrl, DEMO.manager);
    const cards = page.locator('article[data-alert-id]');
    await cards.first().waitFor();
    expect(await cards.evaluateAll((items) => items.map((item) => item.getAttribute('data-alert-id')))).toEqual([
      'alert-1',
      'alert-2',
      'alert-3',
    ]);
    const twoStrikes = page.getByRole('button', { name: /Two strikes/ });
    expect(await twoStrikes.textContent()).toContain('1');
    await screenshot(page, 'board-with-alerts');

    const first = page.locator('article[data-alert-id="alert-1"]');
    await first.getByRole('button', { name: 'Acknowledge' }).click();
    await first.getByText('Acknowledged', { exact: true }).waitFor();
    expect(await first.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
    expect(await cards.count()).toBe(3);

    await page.getByRole('button', { name: /Ignored/ }).click();
    expect(await page.locator('article[data-alert-id]:visible').count()).toBe(1);
    await page.getByLabel('Severity').selectOption('CRITICAL');
    await page.getByText('No open alerts match these filters.').waitFor();
  });

  test('a VIEWER sees the alerts and the customer but no action buttons; an AGENT works customers, not alerts', async () => {
    const { page } = suite.browser;
    await signIn(page, suite.trofast.webUrl, DEMO.viewer);
    await page.locator('article[data-alert-id]').first().waitFor();
    expect(await page.locator('article[data-alert-id]').count()).toBe(3);
    expect(
      await page
        .locator('main')
        .getByRole('button', { name: /Acknowledge|Assign|Resolve/ })
        .count(),
    ).toBe(0);
    await page.goto(`${suite.trofast.webUrl}/customers/customer-1`);
    await page.getByRole('heading', { level: 1, name: 'Ingrid Solberg' }).waitFor();
    expect(await page.getByRole('group', { name: 'Actions' }).getByRole('button').count()).toBe(0);
    await page.goto(`${suite.trofast.webUrl}/incidents`);
    await page.getByText('SLA breached').waitFor();
    expect(await page.getByRole('button', { name: 'Resolve' }).count()).toBe(0);
    await screenshot(page, 'board-viewer-with-alerts');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, suite.trofast.webUrl, DEMO.agent);
    await page.locator('article[data-alert-id]').first().waitFor();
    expect(
      await page
        .locator('main')
        .getByRole('button', { name: /Acknowledge|Resolve/ })
        .count(),
    ).toBe(0);
    await page.goto(`${suite.trofast.webUrl}/customers/customer-1`);
    await page.getByRole('button', { name: 'Log a contact' }).waitFor();
    expect(await page.getByRole('button', { name: 'Adjust points' }).count()).toBe(0);
  });

  test('the customer page explains the risk in words, shows the ledger, and puts a validation error at its field', async () => {
    const { page } = suite.browser;
    await signIn(page, suite.trofast.webUrl, DEMO.manager);
    await page.goto(`${suite.trofast.webUrl}/customers`);
    await page.getByRole('link', { name: 'Ingrid Solberg' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ingrid Solberg' }).waitFor();
    await page.getByText('Two bad experiences in the last 90 days.').waitFor();
    expect(await page.getByRole('meter', { name: 'Churn risk' }).getAttribute('aria-valuenow')).toBe('72');
    await page
      .getByText('1,200 points for your purchase of DKK 12,000.00 on 3 Jan 2026 (1 point per 10 DKK).')
      .waitFor();
    await screenshot(page, 'customer-with-data');

    await page.getByRole('button', { name: 'Adjust points' }).click();
    const dialog = page.getByRole('dialog', { name: 'Adjust points' });
    await dialog.getByLabel('Points (negative to deduct)').fill('50');
    await dialog.getByLabel('Reason (the customer sees it)').fill('x');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const reason = dialog.getByLabel('Reason (the customer sees it)');
    await dialog.getByText('Say why, in words the customer understands.').waitFor();
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await reason.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`#${describedBy.split(' ').at(-1)}`).textContent()).toBe(
      'Say why, in words the customer understands.',
    );
    await screenshot(page, 'customer-adjust-points-error');
    await page.keyboard.press('Escape');
  });

  test('incidents count down to their SLA and mark the breached ones; the other pages render their data', async () => {
    const { page } = suite.browser;
    await signIn(page, suite.trofast.webUrl, DEMO.admin);
    await page.goto(`${suite.trofast.webUrl}/incidents`);
    await page.getByText('SLA breached').waitFor();
    expect(await page.getByText(/^Due in \d+:\d\d$/).count()).toBe(1);
    const titles = await page.locator('tbody tr strong').allTextContents();
    expect(titles).toEqual(['Charged twice', 'Delivery two weeks late']);
    await screenshot(page, 'incidents-with-data');

    await page.goto(`${suite.trofast.webUrl}/feedback`);
    await page.getByRole('img', { name: 'Line chart of NPS per week' }).waitFor();
    expect(await page.locator('figure svg path').count()).toBe(1);
    await screenshot(page, 'feedback-with-data');

    for (const path of ['customers', 'rewards', 'settings']) {
      await page.goto(`${suite.trofast.webUrl}/${path}`);
      await page.waitForFunction(() => document.querySelectorAll('.skeleton').length === 0);
      await screenshot(page, `${path}-with-data`);
    }

    await page.getByRole('button', { name: 'Dansk' }).click();
    await page.goto(`${suite.trofast.webUrl}/customers/customer-1`);
    await page.getByRole('heading', { level: 2, name: 'Pointkonto' }).waitFor();
    await screenshot(page, 'customer-with-data-danish');
    await page.getByRole('button', { name: 'English' }).click();
  });

  test('the board stays responsive with 500 open alerts: a filter switches and an acknowledge lands in well under a second', async () => {
    const { page } = suite.browser;
    const kinds = ['CHURN_RISK', 'TWO_STRIKES', 'INCIDENT', 'SLA_BREACH', 'IGNORED', 'DETRACTOR'];
    const many = Array.from({ length: 500 }, (_, index) => {
      const at = new Date(Date.now() - index * 60_000).toISOString();
      return {
        ...alerts[index % 3],
        id: `many-${index}`,
        kind: kinds[index % 6],
        status: 'OPEN',
        createdAt: at,
        updatedAt: at,
      };
    });
    const fiveHundred = async (route: Route) => {
      const body = route.request().postDataJSON() as { operationName?: string; variables?: { id?: string } };
      if (body.operationName === 'OpenAlerts') {
        const edges = many.map((node) => ({ cursor: node.id, node }));
        const page = { hasNextPage: false, endCursor: null };
        return route.fulfill({ json: { data: { alerts: { edges, pageInfo: page, totalCount: 500 } } } });
      }
      const alert = many.find((item) => item.id === body.variables?.id);
      if (body.operationName !== 'AcknowledgeAlert' || !alert) return route.fallback();
      const data = { ...alert, status: 'ACKNOWLEDGED', updatedAt: new Date().toISOString() };
      await route.fulfill({
        json: { data: { acknowledgeAlert: { __typename: 'MutationAcknowledgeAlertSuccess', data } } },
      });
    };
    await page.route('**/graphql', fiveHundred);
    try {
      await signIn(page, suite.trofast.webUrl, DEMO.manager);
      await page.locator('article[data-alert-id="many-499"]').waitFor();
      const [toKind, toAll] = await page.evaluate(async () => {
        const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const buttons = document.querySelectorAll<HTMLButtonElement>('section button[aria-pressed]');
        const started = performance.now();
        buttons[3].click();
        await frame();
        const filtered = performance.now();
        buttons[0].click();
        await frame();
        return [filtered - started, performance.now() - filtered];
      });
      expect(toKind).toBeLessThan(1000);
      expect(toAll).toBeLessThan(1000);
      const card = page.locator('article[data-alert-id="many-250"]');
      const started = Date.now();
      await card.getByRole('button', { name: 'Acknowledge' }).click();
      await card.getByText('Acknowledged', { exact: true }).waitFor();
      expect(Date.now() - started).toBeLessThan(1000);
      expect(await page.locator('article[data-alert-id]').count()).toBe(500);
    } finally {
      await page.unroute('**/graphql', fiveHundred);
    }
  });
});
