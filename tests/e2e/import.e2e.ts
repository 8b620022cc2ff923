// Customers → Import and the exports in a real browser against `pnpm start` (the demo): a file
// whose customer-number column is not recognised is mapped by hand on its first rows, the dry run
// names the bad line, the failed rows download as a file, applying shows its progress and result;
// a new customer is added by hand; the customers export downloads in English and Danish.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO } from './support/trofast.ts';
import { LAPTOP, shootBothSizes, signIn } from './support/browser.ts';
import { useTrofastInBrowser } from './support/suite.ts';

const SHOTS = '/work/shots/importui';

/** The file a previous system wrote: Danish headers, one the automatic match does not know. */
const FILE = [
  'Nummer;Fulde navn;E-mail;Sprog',
  'IMP-1;Karen Blixen;karen@example.com;DA',
  'IMP-2;Hans Christian Andersen;hca@example.com;DA',
  'IMP-3;Søren Kierkegaard;ikke-en-adresse;DA',
  'IMP-4;Astrid Lindgren;astrid@example.com;SV',
  'IMP-5;Sigrid Undset;sigrid@example.com;NB',
].join('\r\n');

async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

describe.skipIf(Boolean(process.env.DATABASE_URL))('Customers → Import and the exports', { timeout: 240_000 }, () => {
  const suite = useTrofastInBrowser({ name: 'import' });

  test('an ADMIN maps the columns on a preview, reads the dry run, downloads the errors and applies with progress', async () => {
    const { page } = suite.browser;
    const { webUrl } = suite.trofast;
    await page.setViewportSize(LAPTOP);
    await signIn(page, webUrl, DEMO.admin);
    await page.goto(`${webUrl}/customers`);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { name: 'Import customers and history' }).waitFor();

    await page.getByLabel('What the file holds').selectOption('CUSTOMERS');
    await page.getByLabel('CSV file').setInputFiles({
      name: 'kunder.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(FILE, 'utf8'),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    // "Nummer" fills nothing: the API says which required field is missing, the mapping step shows.
    await page.getByText('No column fills externalId, which every row needs.').waitFor();
    await expect.poll(() => page.getByText('IMP-1 · IMP-2 · IMP-3').count()).toBe(1);
    await shootBothSizes(page, SHOTS, 'import-mapping-en', { fullPage: true });

    // The automatic match failed as a whole: every column is mapped here.
    await page.getByLabel('Field: Nummer').selectOption('externalId');
    await page.getByLabel('Field: Fulde navn').selectOption('name');
    await page.getByLabel('Field: E-mail').selectOption('email');
    await page.getByLabel('Field: Sprog').selectOption('locale');
    await page.getByRole('button', { name: 'Check again with this mapping' }).click();
    await page.getByText('4 rows can be imported').waitFor();
    await page.getByText('1 row has problems').waitFor();
    const problem = page.locator('.problems li');
    await expect.poll(() => problem.textContent()).toMatch(/^Line 4\s*email\s*/);
    await shootBothSizes(page, SHOTS, 'import-dry-run-en', { fullPage: true });

    const failed = await download(page, () => page.getByRole('button', { name: 'Download the failed rows' }).click());
    expect(failed.name).toBe('kunder-errors.csv');
    const [header, row, ...rest] = failed.text.trimEnd().split('\n');
    expect(header).toBe('Nummer,Fulde navn,E-mail,Sprog,error');
    expect(row).toMatch(/^IMP-3,Søren Kierkegaard,ikke-en-adresse,DA,"email: /);
    expect(rest).toEqual([]);

    await page.getByRole('button', { name: 'Apply the import' }).click();
    await page.getByText('Done: 4 rows imported.').waitFor();
    expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('4');
    await shootBothSizes(page, SHOTS, 'import-applied-en', { fullPage: true });

    await page.goto(`${webUrl}/customers?q=IMP-`);
    await page.getByRole('link', { name: 'Karen Blixen' }).waitFor();
    expect(await page.getByRole('link', { name: 'Søren Kierkegaard' }).count()).toBe(0);
  });

  test('a new customer is added by hand and opens on their page', async () => {
    const { page } = suite.browser;
    const { webUrl } = suite.trofast;
    await page.setViewportSize(LAPTOP);
    await signIn(page, webUrl, DEMO.agent);
    await page.goto(`${webUrl}/customers`);
    await page.getByRole('button', { name: 'Add a customer' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a customer' });
    await dialog.getByLabel('Customer number').fill('HAND-1');
    await dialog.getByLabel('Name').fill('Tove Ditlevsen');
    await dialog.getByLabel('Email').fill('tove@example.com');
    await shootBothSizes(page, SHOTS, 'add-customer-en', { fullPage: true });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Tove Ditlevsen' }).waitFor();
  });

  test('the customers export downloads with English headers, and Danish ones for a Danish reader', async () => {
    const { page } = suite.browser;
    const { webUrl } = suite.trofast;
    await page.setViewportSize(LAPTOP);
    await signIn(page, webUrl, DEMO.viewer);
    await page.goto(`${webUrl}/customers`);
    // A VIEWER exports but neither adds nor imports.
    expect(await page.getByRole('button', { name: 'Add a customer' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);
    const english = await download(page, () => page.getByRole('link', { name: 'Export customers (CSV)' }).click());
    expect(english.name).toBe('customers.csv');
    expect(english.text.split('\n')[0]).toMatch(/^Customer number,Name,Email,/);
    expect(english.text).toContain('IMP-1,Karen Blixen,karen@example.com');

    await page.getByRole('button', { name: 'Dansk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kunder' }).waitFor();
    await shootBothSizes(page, SHOTS, 'customers-export-da', { fullPage: true });
    const danish = await download(page, () => page.getByRole('link', { name: 'Eksportér kunder (CSV)' }).click());
    expect(danish.text.split('\n')[0]).toMatch(/^Kundenummer,Navn,E-mail,/);
    const ledger = await download(page, () => page.getByRole('link', { name: 'Eksportér pointposter (CSV)' }).click());
    expect(ledger.name).toBe('ledger.csv');
  });

  test('the import page in Danish, on a phone and a laptop', async () => {
    const { page } = suite.browser;
    const { webUrl } = suite.trofast;
    await page.setViewportSize(LAPTOP);
    await signIn(page, webUrl, DEMO.admin);
    await page.goto(`${webUrl}/customers/import`);
    await page.getByRole('button', { name: 'Dansk' }).click();
    await page.getByRole('heading', { name: 'Importér kunder og historik' }).waitFor();
    await page.getByLabel('CSV-fil').setInputFiles({
      name: 'kunder.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(FILE, 'utf8'),
    });
    await page.getByRole('button', { name: 'Tjek filen' }).click();
    await page.getByLabel('Felt: Nummer').waitFor();
    await shootBothSizes(page, SHOTS, 'import-mapping-da', { fullPage: true });
    await page.getByLabel('Felt: Nummer').selectOption('externalId');
    await page.getByLabel('Felt: Fulde navn').selectOption('name');
    await page.getByLabel('Felt: E-mail').selectOption('email');
    await page.getByLabel('Felt: Sprog').selectOption('locale');
    await page.getByRole('button', { name: 'Tjek igen med denne kobling' }).click();
    // The same file as the first test's: its rows are skipped, nothing is left to apply.
    await page.getByText('4 rækker er importeret før og springes over').waitFor();
    await page.getByText('Intet at importere: ret rækkerne og upload filen igen.').waitFor();
    await shootBothSizes(page, SHOTS, 'import-dry-run-da', { fullPage: true });
  });
});
