// The alert board as a manager's worklist, in a real browser against the demo: what needs a person
// first, whose alerts, several at once, the INFO alerts gathered, and why a role cannot act.
import { describe, expect, test } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { DEMO } from './support/trofast.ts';
import { openBrowser, screenshot, signIn } from './support/browser.ts';
import { useTrofastInBrowser } from './support/suite.ts';
import { graphqlAt, partnerKey, staffToken, successOf, upsertCustomer } from './support/api.ts';

interface OpenAlert {
  id: string;
  kind: string;
  severity: 'CRITICAL' | 'WARNING' | 'INFO';
  status: string;
  topSpender: boolean;
  createdAt: string;
  assignee: { id: string } | null;
}

const SEVERITY_RANK = { CRITICAL: 0, WARNING: 1, INFO: 2 };

/** The board's order, said once more independently: severity, then a top spender, then the oldest. */
const urgency = (a: OpenAlert, b: OpenAlert) =>
  SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
  Number(b.topSpender) - Number(a.topSpender) ||
  Date.parse(a.createdAt) - Date.parse(b.createdAt) ||
  (a.id < b.id ? -1 : 1);

/** Every open alert of the demo, asked of the API as the given staff member. */
async function openAlerts(apiUrl: string, token: string): Promise<OpenAlert[]> {
  const alerts: OpenAlert[] = [];
  let after: string | null = null;
  for (;;) {
    const page: {
      alerts: { edges: { node: OpenAlert }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    } = await graphqlAt(
      apiUrl,
      `query ($after: String) { alerts(first: 100, after: $after, filter: { statuses: [OPEN, ACKNOWLEDGED] }) {
        edges { node { id kind severity status topSpender createdAt assignee { id } } }
        pageInfo { hasNextPage endCursor } } }`,
      { after },
      token,
    );
    alerts.push(...page.alerts.edges.map((edge) => edge.node));
    if (!page.alerts.pageInfo.hasNextPage) return alerts;
    after = page.alerts.pageInfo.endCursor;
  }
}

/** The kinds whose INFO alerts the board gathers into one row: those with more than one. */
function gatheredKinds(alerts: OpenAlert[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const alert of alerts) if (alert.severity === 'INFO') counts.set(alert.kind, (counts.get(alert.kind) ?? 0) + 1);
  return new Map([...counts].filter(([, count]) => count > 1));
}

/** Loaded: no skeleton left, the live connection up. */
async function boardReady(page: Page) {
  await page.getByRole('heading', { level: 1, name: 'Alert board' }).waitFor();
  await page.locator('[data-connection="live"]').waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => document.querySelectorAll('.skeleton').length === 0);
}

/** The ids of the cards and groups listed at the board's top level, in order. */
const topLevel = (page: Page) =>
  page
    .locator('ul.alerts > li')
    .evaluateAll((items) =>
      items
        .filter((item) => item.parentElement?.closest('li') === null)
        .map((item) =>
          item.dataset.alertGroup
            ? `group:${item.dataset.alertGroup}`
            : (item.querySelector('article')?.getAttribute('data-alert-id') ?? ''),
        ),
    );

describe.skipIf(Boolean(process.env.DATABASE_URL))('the alert board as a worklist', { timeout: 180_000 }, () => {
  const suite = useTrofastInBrowser({ name: 'board' });

  test('what needs a person first: the most severe, then the top spenders, then the longest waiting; the INFO alerts of a kind as one group with their count', async () => {
    const { page } = suite.browser;
    const { apiUrl, webUrl } = suite.trofast;
    await signIn(page, webUrl, DEMO.manager);
    await boardReady(page);
    const alerts = (await openAlerts(apiUrl, await staffToken(apiUrl, DEMO.manager))).sort(urgency);
    expect(alerts.some((alert) => alert.topSpender)).toBe(true);

    // INFO alerts of one kind stand where the first of them would, as one row; a lone one stays a card.
    const infoKinds = gatheredKinds(alerts);
    const expected: string[] = [];
    for (const alert of alerts) {
      const row = alert.severity === 'INFO' && infoKinds.has(alert.kind) ? `group:${alert.kind}` : alert.id;
      if (!expected.includes(row)) expected.push(row);
    }
    // The board renders the 100 most urgent rows; the rest are one "Show more" away.
    await expect.poll(() => topLevel(page), { timeout: 20_000 }).toEqual(expected.slice(0, 100));

    const ignored = infoKinds.get('IGNORED')!;
    expect(ignored).toBeGreaterThan(10);
    const group = page.locator('[data-alert-group="IGNORED"]');
    const toggle = group.getByRole('button', { name: `Ignored: ${ignored} alerts` });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await group.locator('article').count()).toBe(0);
    await screenshot(page, 'board-worklist', { fullPage: false });

    // No alert is hidden: opening the group shows each of them.
    await toggle.click();
    await group
      .locator('article[data-alert-id]')
      .nth(ignored - 1)
      .waitFor();
    expect(await group.locator('article[data-alert-id]').count()).toBe(ignored);
    await screenshot(page, 'board-group-open', { fullPage: false });
  });

  test('"Assigned to me" shows the manager’s own alerts and "Unassigned" those of nobody', async () => {
    const { page } = suite.browser;
    const { apiUrl, webUrl } = suite.trofast;
    const token = await staffToken(apiUrl, DEMO.manager);
    const { me } = await graphqlAt<{ me: { id: string } }>(apiUrl, '{ me { id } }', {}, token);
    // Two alerts of the board assigned to the manager, most urgent first.
    const [first, second] = (await openAlerts(apiUrl, token))
      .filter((alert) => alert.severity !== 'INFO')
      .sort(urgency);
    for (const alert of [first, second]) {
      const { assignAlert } = await graphqlAt<{ assignAlert: { __typename: string; data?: unknown } }>(
        apiUrl,
        'mutation ($input: AssignAlertInput!) { assignAlert(input: $input) { __typename ... on MutationAssignAlertSuccess { data { id } } } }',
        { input: { id: alert.id, assigneeId: me.id } },
        token,
      );
      successOf(assignAlert);
    }
    const alerts = await openAlerts(apiUrl, token);
    const mine = alerts.filter((alert) => alert.assignee?.id === me.id);
    const gathered = gatheredKinds(alerts);
    const mineAsCards = mine.filter((alert) => alert.severity !== 'INFO' || !gathered.has(alert.kind));
    const unassigned = alerts.filter((alert) => alert.assignee === null);

    await signIn(page, webUrl, DEMO.manager);
    await boardReady(page);
    const views = page.getByRole('group', { name: 'Whose alerts' });
    await views.getByRole('button', { name: `Assigned to me ${mine.length}` }).click();
    const shown = () =>
      page.locator('article[data-alert-id]:visible').evaluateAll((cards) => cards.map((card) => card.dataset.alertId));
    await expect.poll(shown).toEqual(mineAsCards.sort(urgency).map((alert) => alert.id));
    await screenshot(page, 'board-assigned-to-me', { fullPage: false });

    await views.getByRole('button', { name: `Unassigned ${unassigned.length}` }).click();
    await page.getByText(`Showing ${unassigned.length} alerts`).waitFor();
    expect(await page.locator(`article[data-alert-id="${first.id}"]`).isVisible()).toBe(false);
  });

  test('a manager acknowledges several alerts in one action; another manager’s board follows live', async () => {
    const { page } = suite.browser;
    const { apiUrl, webUrl } = suite.trofast;
    const other = await openBrowser();
    try {
      await signIn(other.page, webUrl, DEMO.admin);
      await boardReady(other.page);
      await signIn(page, webUrl, DEMO.manager);
      await boardReady(page);
      const open = (await openAlerts(apiUrl, await staffToken(apiUrl, DEMO.manager)))
        .filter((alert) => alert.status === 'OPEN' && alert.severity !== 'INFO')
        .sort(urgency)
        .slice(0, 3);
      expect(open).toHaveLength(3);

      for (const alert of open) {
        await page.locator(`article[data-alert-id="${alert.id}"]`).getByRole('checkbox').check();
      }
      const bulk = page.getByRole('group', { name: 'Act on several alerts' });
      await bulk.getByText('3 selected').waitFor();
      await screenshot(page, 'board-bulk-selected', { fullPage: false });
      const acknowledging: string[] = [];
      const listen = (request: Request) => {
        if (request.method() !== 'POST' || !request.url().includes('/graphql')) return;
        const operation = (request.postDataJSON() as { operationName?: string } | null)?.operationName;
        if (operation?.startsWith('AcknowledgeAlert')) acknowledging.push(operation);
      };
      page.on('request', listen);
      await bulk.getByRole('button', { name: 'Acknowledge' }).click();
      await page.getByText('3 alerts acknowledged.').waitFor();
      page.off('request', listen);
      // One request for the three.
      expect(acknowledging).toEqual(['AcknowledgeAlerts']);

      for (const alert of open) {
        for (const board of [page, other.page]) {
          await board
            .locator(`article[data-alert-id="${alert.id}"]`)
            .getByText('Acknowledged', { exact: true })
            .waitFor({ timeout: 20_000 });
        }
      }
      const after = await openAlerts(apiUrl, await staffToken(apiUrl, DEMO.manager));
      expect(open.map((alert) => after.find((item) => item.id === alert.id)?.status)).toEqual([
        'ACKNOWLEDGED',
        'ACKNOWLEDGED',
        'ACKNOWLEDGED',
      ]);
      expect(await bulk.getByText(/selected$/).count()).toBe(0);
    } finally {
      await other.close();
    }
  });

  test('an incident reported now arrives live among the critical alerts, before the warnings', async () => {
    const { page } = suite.browser;
    const { apiUrl, webUrl } = suite.trofast;
    await signIn(page, webUrl, DEMO.manager);
    await boardReady(page);
    const key = await partnerKey(apiUrl, 'Support desk (board test)');
    const customerId = await upsertCustomer(apiUrl, key, { externalId: 'e2e-board-live', name: 'Ulrik Punktering' });
    await graphqlAt(
      apiUrl,
      `mutation ($input: ReportIncidentInput!) { reportIncident(input: $input) { __typename } }`,
      {
        input: { customer: { id: customerId }, title: 'Frame cracked', category: 'PRODUCT', severity: 'CRITICAL' },
      },
      key,
    );
    const card = page.locator('article[data-alert-id]', { hasText: 'Ulrik Punktering' });
    await card.first().waitFor({ timeout: 30_000 });
    const severities = await page.locator('ul.alerts > li > article[data-alert-id]').evaluateAll((cards) =>
      cards.map((item) => ({
        severity: ['critical', 'warning', 'info'].find((name) => item.classList.contains(name)),
        mine: item.textContent?.includes('Ulrik Punktering') ?? false,
      })),
    );
    const at = severities.findIndex((item) => item.mine);
    expect(severities[at].severity).toBe('critical');
    expect(severities.slice(0, at).every((item) => item.severity === 'critical')).toBe(true);
  });

  test('an agent’s card says why there are no buttons', async () => {
    const { page } = suite.browser;
    await signIn(page, suite.trofast.webUrl, DEMO.agent);
    await boardReady(page);
    const card = page.locator('article[data-alert-id]').first();
    await card.getByText('Managers act on alerts. You can open the customer and work the incident.').waitFor();
    expect(await card.getByRole('button').count()).toBe(0);
    expect(await page.getByRole('group', { name: 'Act on several alerts' }).count()).toBe(0);
    await screenshot(page, 'board-agent', { fullPage: false });
  });
});
