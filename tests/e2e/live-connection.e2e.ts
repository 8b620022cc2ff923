// The board's live connection through the dashboard's WebSocket proxy, across an API restart.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO, startTrofast, type Trofast } from './support/trofast.ts';
import { openBrowser, screenshot, signIn, type Browser } from './support/browser.ts';

describe.skipIf(Boolean(process.env.DATABASE_URL))('the live connection', () => {
  let trofast: Trofast;
  let browser: Browser;

  beforeAll(async () => {
    [trofast, browser] = await Promise.all([startTrofast({ separate: true, name: 'live' }), openBrowser()]);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await trofast?.stop();
  });

  test('the board shows live, then reconnecting when the API restarts, then live again', async () => {
    const { page } = browser;
    await signIn(page, trofast.webUrl, DEMO.manager);
    await page.getByRole('heading', { level: 1, name: 'Alert board' }).waitFor();
    const indicator = page.locator('[data-connection]');
    await page.locator('[data-connection="live"]').waitFor();

    const restarted = trofast.restartApi({ downFor: 3000 });
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
