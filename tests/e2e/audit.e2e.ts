// Settings → Audit log in a real browser against `pnpm start` (the demo, whose staff actions are
// audited): the entries, a filter kept in the address, the export link; phone and laptop, en + da.
import { describe, expect, test } from 'vitest';
import { DEMO } from './support/trofast.ts';
import { LAPTOP, shootBothSizes, signIn } from './support/browser.ts';
import { useTrofastInBrowser } from './support/suite.ts';

const SHOTS = '/work/shots/audit';

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
    await shootBothSizes(page, SHOTS, 'audit-en');

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
    await shootBothSizes(page, SHOTS, 'audit-da');
  });
});
