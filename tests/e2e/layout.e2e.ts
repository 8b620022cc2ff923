// Every page of the dashboard fits the screen it is shown on: a phone (390 × 844) and a laptop
// (1440 × 900), in each of the dashboard's four languages, against the demo; the customer's own
// pages (the member page and the answer page) too.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO } from './support/trofast.ts';
import { graphqlAt, staffToken } from './support/api.ts';
import { LAPTOP, overflow, PHONE, screenshot, settled, signIn } from './support/browser.ts';
import { useTrofastInBrowser } from './support/suite.ts';

const LANGUAGE_NAMES = { en: 'English', da: 'Dansk', sv: 'Svenska', nb: 'Norsk' } as const;

/** A message key shown instead of its words ("board.title"). */
const UNTRANSLATED =
  /\b(?:app|nav|connection|login|errors|board|customers|customer|incidents|feedback|rewards|settings|webhooks|enums)\.[a-zA-Z]+(?:\.[a-zA-Z]+)*\b/g;
/**
 * A count or amount of five digits or more without the locale's grouping ("100000", not
 * "100,000" or "100.000"); an id's digits ("NC-10042") are not a number to read.
 */
const RAW_NUMBER = /(?<![\w+.,-])\d{5,}(?![\w-])/g;
/** A machine date shown to a person ("2026-03-02" or "2026-03-02T09:00:00Z"). */
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?\b/g;

/** Picks a language with the switch in the top bar (at laptop width, where it is always shown). */
async function chooseLanguage(page: Page, lang: keyof typeof LANGUAGE_NAMES) {
  await page.getByRole('button', { name: LANGUAGE_NAMES[lang] }).click();
  // While the page reloads in the new language there is a moment without a document element.
  await page.waitForFunction((code) => document.documentElement?.lang === code, lang);
}

describe.skipIf(Boolean(process.env.DATABASE_URL))(
  'the dashboard on a phone and a laptop',
  { timeout: 240_000 },
  () => {
    const suite = useTrofastInBrowser({ name: 'layout' });

    /** Every page an admin can open: the admin sees them all. */
    async function pages(page: Page): Promise<{ name: string; path: string }[]> {
      await page.goto(`${suite.trofast.webUrl}/customers`);
      await settled(page);
      const customer = await page.locator('main a[href^="/customers/"]').first().getAttribute('href');
      const { apiUrl } = suite.trofast;
      const { organization } = await graphqlAt<{ organization: { slug: string } }>(
        apiUrl,
        '{ organization { slug } }',
        {},
        await staffToken(apiUrl, DEMO.admin),
      );
      return [
        { name: 'board', path: '/' },
        { name: 'customers', path: '/customers' },
        { name: 'customer', path: customer! },
        { name: 'incidents', path: '/incidents' },
        { name: 'feedback', path: '/feedback' },
        { name: 'rewards', path: '/rewards' },
        { name: 'settings', path: '/settings' },
        { name: 'teams', path: '/teams' },
        // The customer's own pages, signed out: the member page asks for an email address, and
        // an answer link that does not exist says so.
        { name: 'member', path: `/m/${organization.slug}` },
        { name: 'answer', path: `/a/${'x'.repeat(32)}` },
      ];
    }

    test('on a phone the pages are behind the menu button, which opens and closes the navigation', async () => {
      const { page } = suite.browser;
      await page.setViewportSize(PHONE);
      await signIn(page, suite.trofast.webUrl, DEMO.manager);
      await page.getByRole('heading', { level: 1, name: 'Alert board' }).waitFor();
      const menu = page.getByRole('button', { name: 'Menu' });
      const nav = page.getByRole('navigation', { name: 'Main' });
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await nav.isVisible()).toBe(false);
      // The bar is one line: the page gets the screen.
      expect(await page.locator('header').evaluate((bar) => bar.getBoundingClientRect().height)).toBeLessThan(70);

      await menu.click();
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      await screenshot(page, 'layout-menu-open-390', { fullPage: false });
      await nav.getByRole('link', { name: 'Customers' }).click();
      await page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();
      // Arriving closes it.
      await nav.waitFor({ state: 'hidden' });
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      await page.setViewportSize(LAPTOP);
      expect(await nav.isVisible()).toBe(true);
      expect(await menu.isVisible()).toBe(false);
    });

    for (const lang of ['en', 'da', 'sv', 'nb'] as const) {
      test(`no page scrolls sideways on a phone or a laptop, or shows a message key or a machine date, in ${LANGUAGE_NAMES[lang]}`, async () => {
        const { page } = suite.browser;
        const { webUrl } = suite.trofast;
        await page.setViewportSize(LAPTOP);
        await signIn(page, webUrl, DEMO.admin);
        await page.locator('h1').first().waitFor();
        if (lang !== 'en') await chooseLanguage(page, lang);
        const all = await pages(page);
        const wide: string[] = [];
        const untranslated: string[] = [];
        const isoDates: string[] = [];
        const rawNumbers: string[] = [];
        for (const size of [PHONE, LAPTOP]) {
          await page.setViewportSize(size);
          for (const { name, path } of all) {
            await page.goto(`${webUrl}${path}`);
            await page.locator('h1').first().waitFor();
            await settled(page);
            const beyond = await overflow(page);
            if (beyond > 0) wide.push(`${path} at ${size.width} px: ${beyond} px too wide`);
            // What is shown as code is the machine's own text, not words for a reader: an event type
            // (feedback.received), an endpoint's address with its port, a receiver's answer.
            const text = await page.evaluate(() => {
              const code = [...document.querySelectorAll('code')];
              for (const element of code) element.style.display = 'none';
              const words = document.body.innerText;
              for (const element of code) element.style.display = '';
              return words;
            });
            for (const match of text.matchAll(UNTRANSLATED)) untranslated.push(`${path}: ${match[0]}`);
            for (const match of text.matchAll(ISO_DATE)) isoDates.push(`${path}: ${match[0]}`);
            for (const match of text.matchAll(RAW_NUMBER)) rawNumbers.push(`${path}: ${match[0]}`);
            await screenshot(page, `layout-${name}-${size.width}-${lang}`, { fullPage: false });
          }
        }
        expect(wide).toEqual([]);
        // Every word is the language's own, and every date is written for a reader.
        expect(untranslated).toEqual([]);
        expect(isoDates).toEqual([]);
        expect(rawNumbers).toEqual([]);
        // Back to English for the next test's admin, from the dashboard: the customer's pages have no switch.
        if (lang !== 'en') {
          await page.goto(`${suite.trofast.webUrl}/`);
          await chooseLanguage(page, 'en');
        }
      });
    }
  },
);
