// The board's live connection through the dashboard's WebSocket proxy, across an API restart.
import { describe, expect, test } from 'vitest';
import { DEMO } from './support/trofast.ts';
import { screenshot, signIn } from './support/browser.ts';
import { useTrofastInBrowser } from './support/suite.ts';

describe.skipIf(Boolean(process.env.DATABASE_URL))('the live connection', () => {
  const suite = useTrofastInBrowser({ name: 'live', separate: true });

  test('the board shows live, then reconnecting when the API restarts, then live again', async () => {
    const { page } = suite.browser;
    await signIn(page, suite.trofast.webUrl, DEMO.manager);
    await page.getByRole('heading', { level: 1, name: 'Alert board' }).waitFor();
    const indicator = page.locator('[data-connection]');
    await page.locator('[data-connection="live"]').waitFor();

    const restarted = suite.trofast.restartApi({ downFor: 3000 });
    await page.locator('[data-connection="reconnecting"], [data-connection="offline"]').waitFor({ timeout: 20_000 });
    expect(await indicator.getAttribute('data-connection')).not.toBe('live');
    await screenshot(page, 'board-reconnecting');
    await restarted;

    await page.locator('[data-connection="live"]').waitFor({ timeout: 30_000 });
    expect(await indicator.getAttribute('data-connection')).toBe('live');
    expect(await indicator.textContent()).toContain('Live');
    await screenshot(page, 'board-live-again');
  }, 90_000);
});
