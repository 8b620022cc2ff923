// Settings → Webhooks in a real browser against `pnpm start` (the demo), delivering to a real
// receiver started here: create an endpoint, see its secret once, send a test, see the attempt.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO } from './support/trofast.ts';
import { LAPTOP, shootBothSizes, signIn } from './support/browser.ts';
import { useTrofastInBrowser } from './support/suite.ts';
import { startReceiver, type Receiver } from '../support/receiver.ts';
import { DEMO_WEBHOOK_URL } from '../../api/src/seed/demo-webhooks.ts';

const SHOTS = process.env.SHOTS ?? '/work/shots/15';

let inbox: Receiver;
beforeAll(async () => {
  inbox = await startReceiver();
});
afterAll(() => inbox?.close());

// The receiver listens on 127.0.0.1: this Trofast allows private addresses, as an intranet would.
describe.skipIf(Boolean(process.env.DATABASE_URL))('Settings → Webhooks', { timeout: 120_000 }, () => {
  const suite = useTrofastInBrowser({ name: 'webhooks', env: { TROFAST_WEBHOOKS_ALLOW_PRIVATE: '1' } });

  test('an ADMIN creates an endpoint, sees its secret once, sends a test and sees the attempt in the log', async () => {
    const { page } = suite.browser;
    const { webUrl } = suite.trofast;
    await page.setViewportSize(LAPTOP);
    await signIn(page, webUrl, DEMO.admin);
    await page.goto(`${webUrl}/settings#webhooks`);
    const card = page.locator('#webhooks');
    // The demo's CRM endpoint: disabled (no receiver), with its delivery log.
    const demo = card.getByTestId('webhook-endpoint').filter({ hasText: DEMO_WEBHOOK_URL });
    await demo.getByText('Disabled').first().waitFor();
    await demo.getByTestId('webhook-attempt').getByText('503', { exact: true }).waitFor();
    await shootBothSizes(page, SHOTS, 'webhooks-demo-en', { focus: demo });

    await card.getByRole('button', { name: 'Add an endpoint' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add an endpoint' });
    await dialog.getByLabel('URL (https://…)').fill(inbox.url);
    await dialog.getByLabel('Description (optional)').fill('Support desk');
    await dialog.getByRole('checkbox', { name: 'alert.raised' }).check();
    await dialog.getByRole('checkbox', { name: 'incident.changed' }).check();
    await shootBothSizes(page, SHOTS, 'webhooks-create-en');
    await dialog.getByRole('button', { name: 'Add an endpoint' }).click();

    const shown = page.getByRole('dialog', { name: 'Copy the signing secret now' });
    const secret = (await shown.getByTestId('webhook-secret').textContent())!;
    expect(secret).toMatch(/^whsec_/);
    expect(await shown.locator('pre').textContent()).toContain(`new Webhook('${secret}')`);
    await shootBothSizes(page, SHOTS, 'webhooks-secret-en');
    await shown.getByRole('button', { name: 'I have stored it' }).click();
    await shown.waitFor({ state: 'hidden' });
    // Shown once: nowhere on the page any more.
    expect(await page.content()).not.toContain(secret);

    const endpoint = card.getByTestId('webhook-endpoint').filter({ hasText: inbox.url });
    await endpoint.getByText('Active').waitFor();
    await endpoint.getByRole('button', { name: 'Send a test' }).click();
    const [arrived] = await inbox.until(1);
    expect(arrived.verify(secret).type).toBe('webhook.test');
    const attempt = endpoint.getByTestId('webhook-attempt').first();
    await attempt.getByText('200', { exact: true }).waitFor();
    await endpoint.getByTestId('webhook-delivery').getByText('Delivered').waitFor();
    await shootBothSizes(page, SHOTS, 'webhooks-log-en', { focus: endpoint });

    await page.getByRole('button', { name: 'Dansk' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'da');
    await endpoint.getByTestId('webhook-delivery').getByText('Leveret').waitFor();
    await shootBothSizes(page, SHOTS, 'webhooks-log-da', { focus: endpoint });
    await card.getByRole('button', { name: 'Tilføj en modtager' }).click();
    await page.getByRole('dialog', { name: 'Tilføj en modtager' }).waitFor();
    await shootBothSizes(page, SHOTS, 'webhooks-create-da');
    await page.getByRole('dialog', { name: 'Tilføj en modtager' }).getByRole('button', { name: 'Annullér' }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
  });
});
