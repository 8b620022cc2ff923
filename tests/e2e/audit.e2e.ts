// Settings → Audit log in a real browser against `pnpm start` (the demo, whose staff actions are
// audited): the entries, a filter kept in the address, the export link; phone and laptop, en + da.
import { mkdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO } from './support/trofast.ts';
import { signIn } from './support/browser.ts';
import { useTrofastInBrowser } from './support/suite.ts';

const SHOTS = '/work/shots/audit';
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1440, height: 900 };

async function shoot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const size of [PHONE, LAPTOP]) {
    await page.setViewportSize(size);
    // Nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/${name}-${size.width}.png` });
  }
  await page.setViewportSize(LAPTOP);
}

describe.skipIf(Boolean(process.env.DATABASE_URL))('Settings → Audit log', { timeout: 180_000 }, () => {
  const suite = useTrofastInBrowser({ name: 'audit' });

  test('an ADMIN reads who changed what, filters by operation in the address and exports the log', async () => {
    const { page } = suite.browser;
    const { webUrl } = suite.trofast;
    await page.setViewportSize(LAPTOP);
    await signIn(page, webUrl, DEMO.admin);
    await page.goto(`${webUrl}/settings`);
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await page.getByRole('cell', { name: 'Sofie Lund' }).first().waitFor();
    await shoot(page, 'audit-en');

    await page.getByLabel('Operation').fill('adjustPoints');
    await page.waitForURL(/operation=adjustPoints/);
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    await page.getByRole('cell', { name: 'Mads Kjær' }).waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export as CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('audit.csv');

    await page.getByRole('button', { name: 'Dansk' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'da');
    await page.getByLabel('Handling').fill('');
    await page.getByRole('heading', { name: 'Revisionslog' }).waitFor();
    await page.getByRole('cell', { name: 'Sofie Lund' }).first().waitFor();
    await shoot(page, 'audit-da');
  });
});
