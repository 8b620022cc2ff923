// Team pulse in a real browser against the demo: a staff member answers the pulse from the banner,
// a manager reads the service chain, an admin keeps the teams. Screenshots of every page this
// feature adds or changes, on a phone and a laptop, in English and Danish, go to /work/shots/21
// (SHOTS overrides it).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO } from './support/trofast.ts';
import { settled, signIn } from './support/browser.ts';
import { useTrofastInBrowser } from './support/suite.ts';
import { graphqlAt, staffToken } from './support/api.ts';

const SHOTS = process.env.SHOTS ?? '/work/shots/21';
const VIEWPORTS = { phone: { width: 390, height: 844 }, laptop: { width: 1440, height: 900 } } as const;

/** Nothing on the page is wider than the screen: a phone never scrolls sideways. */
const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

/** A dialog is shot as the screen shows it: the page behind it may be long. */
async function shoot(page: Page, name: string, ready: () => Promise<unknown>, fullPage = true) {
  mkdirSync(SHOTS, { recursive: true });
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    await ready();
    if (size === 'phone') expect(await noSidewaysScroll(page), `${name} scrolls sideways on a phone`).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${size}.png`), fullPage });
  }
  await page.setViewportSize(VIEWPORTS.laptop);
}

async function speak(apiUrl: string, email: string, locale: 'EN' | 'DA') {
  const token = await staffToken(apiUrl, email);
  await graphqlAt(
    apiUrl,
    'mutation ($locale: Locale) { updateMe(input: { locale: $locale }) { __typename } }',
    { locale },
    token,
  );
}

describe.skipIf(Boolean(process.env.DATABASE_URL))('team pulse', { timeout: 180_000 }, () => {
  const suite = useTrofastInBrowser({ name: 'pulse' });

  test('a staff member answers the pulse from the banner, and the banner is gone', async () => {
    const { page } = suite.browser;
    const { apiUrl, webUrl } = suite.trofast;
    // The monthly job may have opened this month's round already; either way one is open now.
    await graphqlAt(apiUrl, 'mutation { openPulseRound { __typename } }', {}, await staffToken(apiUrl, DEMO.admin));
    for (const lang of ['DA', 'EN'] as const) {
      await speak(apiUrl, DEMO.viewer, lang);
      await signIn(page, webUrl, DEMO.viewer);
      const banner = page.getByRole('complementary').filter({ has: page.locator('#pulse-banner-title') });
      await banner.waitFor();
      await settled(page);
      await shoot(page, `banner-${lang.toLowerCase()}`, () => banner.waitFor(), false);
      await banner.getByRole('button').click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await shoot(page, `answer-form-${lang.toLowerCase()}`, () => dialog.waitFor(), false);
      if (lang === 'DA') {
        await page.keyboard.press('Escape');
        await page.context().clearCookies();
      }
    }
    const dialog = page.getByRole('dialog');
    const scales = dialog.getByRole('radiogroup');
    expect(await scales.count()).toBe(4);
    await scales.nth(0).getByRole('radio', { name: '8', exact: true }).check();
    for (const index of [1, 2, 3]) await scales.nth(index).getByRole('radio', { name: '4', exact: true }).check();
    await dialog.getByLabel('Comment (optional)').fill('Good month, busy workshop.');
    await dialog.getByRole('button', { name: 'Send answer' }).click();
    await page.getByText('Thank you — your answer is in.').waitFor();
    await page.locator('#pulse-banner-title').waitFor({ state: 'detached' });
    expect(await page.locator('#pulse-banner-title').count()).toBe(0);
  });

  test('a manager reads each team’s pulse beside its customers, and how the two move together', async () => {
    const { page } = suite.browser;
    const { apiUrl, webUrl } = suite.trofast;
    await speak(apiUrl, DEMO.manager, 'EN');
    await signIn(page, webUrl, DEMO.manager);
    await page.getByRole('link', { name: 'Teams' }).click();
    await page.getByRole('heading', { level: 1, name: 'Teams and the service chain' }).waitFor();
    await settled(page);
    for (const team of ['Butikken', 'Værkstedet', 'Kundeservice'])
      expect(await page.getByRole('heading', { level: 2, name: team }).isVisible()).toBe(true);
    expect(await page.getByText(/a correlation, not a proof/).isVisible()).toBe(true);
    expect(await page.getByText('4 answers: too few to show').count()).toBe(1);
    await shoot(page, 'teams-en', () => settled(page));
    await speak(apiUrl, DEMO.manager, 'DA');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Teams og servicekæden' }).waitFor();
    await settled(page);
    expect(await page.getByText(/en sammenhæng, ikke et bevis/).isVisible()).toBe(true);
    await shoot(page, 'teams-da', () => settled(page));
  });

  test('an admin keeps the teams and the rounds under Settings → Teams', async () => {
    const { page } = suite.browser;
    const { apiUrl, webUrl } = suite.trofast;
    for (const lang of ['EN', 'DA'] as const) {
      await speak(apiUrl, DEMO.admin, lang);
      await page.context().clearCookies();
      await signIn(page, webUrl, DEMO.admin);
      await page.goto(`${webUrl}/settings#teams`);
      await settled(page);
      const teams = page.locator('#teams');
      await teams.getByRole('cell', { name: 'Værkstedet', exact: true }).waitFor();
      await shoot(page, `settings-teams-${lang.toLowerCase()}`, () => settled(page));
      await teams.getByRole('button', { name: /Værkstedet/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('checkbox', { name: 'Karl Mørch' }).waitFor();
      expect(await dialog.getByRole('checkbox', { name: 'Karl Mørch' }).isChecked()).toBe(true);
      await shoot(page, `settings-team-edit-${lang.toLowerCase()}`, () => dialog.waitFor(), false);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
    }
  });

  test('an admin sets the pulse under Settings, and the API refuses a threshold out of range at its field', async () => {
    const { page } = suite.browser;
    const { apiUrl, webUrl } = suite.trofast;
    const card = page.locator('#pulse-settings');
    const threshold = card.getByRole('spinbutton', { name: 'Anonymity threshold (answers)' });
    await speak(apiUrl, DEMO.admin, 'EN');
    await page.context().clearCookies();
    await signIn(page, webUrl, DEMO.admin);
    await page.goto(`${webUrl}/settings#pulse-settings`);
    await threshold.waitFor();
    expect(await threshold.inputValue()).toBe('5');
    expect(await card.getByRole('checkbox', { name: 'Open a round at the start of every month' }).isChecked()).toBe(
      true,
    );
    await threshold.fill('101');
    await card.getByRole('button', { name: 'Save' }).click();
    await card.getByText('Use a whole number from 3 to 100.').waitFor();
    expect(await threshold.getAttribute('aria-invalid')).toBe('true');
    await shoot(page, 'settings-pulse-refused-en', () => card.scrollIntoViewIfNeeded(), false);
    await threshold.fill('6');
    await card.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').waitFor();
    const stored = await graphqlAt(
      apiUrl,
      '{ organization { settings { pulse { threshold } } } }',
      {},
      await staffToken(apiUrl, DEMO.admin),
    );
    expect(stored).toMatchObject({ organization: { settings: { pulse: { threshold: 6 } } } });
    await shoot(page, 'settings-pulse-en', () => card.scrollIntoViewIfNeeded(), false);
    await speak(apiUrl, DEMO.admin, 'DA');
    await page.reload();
    await card.getByRole('spinbutton', { name: 'Anonymitetsgrænse (svar)' }).waitFor();
    await shoot(page, 'settings-pulse-da', () => card.scrollIntoViewIfNeeded(), false);
  });

  test('any staff member flags a concern on the customer page', async () => {
    const { page } = suite.browser;
    const { apiUrl, webUrl } = suite.trofast;
    await speak(apiUrl, DEMO.agent, 'EN');
    await signIn(page, webUrl, DEMO.agent);
    await page.getByRole('link', { name: 'Customers' }).click();
    await settled(page);
    await page.locator('main table a').first().click();
    await page.getByRole('button', { name: 'Flag a concern' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('What worries you?').fill('Asked twice about the repair; sounded tired of waiting.');
    await shoot(page, 'flag-concern-en', () => dialog.waitFor(), false);
    await dialog.getByRole('button', { name: 'Flag a concern' }).click();
    await page.getByText('Concern flagged: the account manager has an alert.').waitFor();
    await page.getByText('Sofie Lund flagged a concern on').first().waitFor();
  });
});
