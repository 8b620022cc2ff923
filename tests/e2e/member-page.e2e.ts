// The customer's own page in a real browser, on a phone (390 × 844) and a laptop (1440 × 900), in
// Danish and English: an email link that mail scanners open without spending it, one button that
// starts the session, then everything the customer sees and does there. The API runs in this
// process (so the test makes the links), the dashboard's server as its own process.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { upsertCustomer } from '../../api/src/services/customer.service.ts';
import { recordEvent } from '../../api/src/services/events.service.ts';
import { createReward } from '../../api/src/services/reward.service.ts';
import { inviteToSurvey } from '../../api/src/services/invitation.service.ts';
import { updateOrganizationSettings } from '../../api/src/services/organization-settings.service.ts';
import { createSurvey } from '../../api/src/services/survey.service.ts';
import { createMemberLink } from '../../api/src/services/member-access.service.ts';
import { writeTransaction } from '../../api/src/services/transaction.service.ts';
import { tenantDb } from '../../api/src/runtime.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, PASSWORD, type TestOrganization } from '../support/fixtures.ts';
import { gid } from '../support/operations.ts';
import { LAPTOP, openBrowser, overflow, PHONE, signIn, type Browser } from './support/browser.ts';
import { artifacts, ensureDashboardBuilt, freePort, root } from './support/trofast.ts';

/** The screenshots, looked at by a person. */
const SHOTS = process.env.TROFAST_SHOTS_DIR ?? path.join(artifacts, 'screenshots', 'member');

let app: TestApp;
let shop: TestOrganization;
let web: ChildProcess;
let webUrl: string;
let browser: Browser;
const customers: Record<'da' | 'en', string> = { da: '', en: '' };

async function seedCustomer(externalId: string, name: string, locale: 'DA' | 'EN') {
  // A phone and SMS consent: their survey invitations go out as SMS, and email stays theirs to allow.
  const customer = await upsertCustomer(systemCaller(shop.id), {
    externalId,
    name,
    locale,
    phone: '+4520304050',
    consents: [{ channel: 'SMS', granted: true }],
  });
  for (const [kroner, daysAgo] of [
    [4000, 700],
    [6000, 200],
    [5000, 20],
  ])
    await recordEvent(systemCaller(shop.id), {
      purchase: {
        customer: { id: customer.id },
        amount: { amountMinor: kroner * 100, currency: 'DKK' },
        occurredAt: new Date(app.clock.now().getTime() - daysAgo * 86_400_000),
      },
    });
  return customer.id;
}

async function linkFor(customerId: string): Promise<string> {
  const url = await writeTransaction(shop.id, (tx) => createMemberLink(tx, customerId, app.clock.now()));
  // The API builds links on its public address; the dashboard's server here listens elsewhere.
  return url.replace(app.config.publicUrl, webUrl);
}

async function waitForWeb(url: string) {
  for (let attempt = 0; attempt < 240; attempt++) {
    try {
      if ((await fetch(url, { redirect: 'manual' })).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer`);
}

async function shoot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const [size, viewport] of [
    ['390x844', PHONE],
    ['1440x900', LAPTOP],
  ] as const) {
    await page.setViewportSize(viewport);
    expect(await overflow(page), `${name} at ${size} scrolls sideways`).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${size}.png`), fullPage: true });
  }
}

describe.skipIf(Boolean(process.env.DATABASE_URL))('the customer’s own page in a browser', { timeout: 240_000 }, () => {
  beforeAll(async () => {
    await ensureDashboardBuilt();
    app = await startTestApp();
    shop = await createTestOrganization(app, 'Nordlys Cykler');
    customers.da = await seedCustomer('DA-1', 'Karen Holm', 'DA');
    customers.en = await seedCustomer('EN-1', 'Oliver Brown', 'EN');
    for (const [name, pointsCost, minimumTier] of [
      ['Kaffe og kage', 100, null],
      ['Cykelservice', 2000, null],
      ['Guldværksted', 200, 'GOLD'],
    ] as const)
      await createReward(systemCaller(shop.id), {
        name,
        pointsCost,
        kind: 'GIFT',
        unitCost: { amountMinor: 2000, currency: 'DKK' },
        minimumTier,
      });
    // Two open invitations each, sent at once: no survey cooldown between them.
    await updateOrganizationSettings(systemCaller(shop.id), { surveyTriggers: { surveyCooldownDays: 0 } });
    for (const [kind, question, options] of [
      ['NPS', 'Vil du anbefale Nordlys Cykler til en ven?', []],
      ['POLL', 'Hvilken cykel kører du mest på?', ['Racercykel', 'Bycykel', 'Ladcykel']],
    ] as const) {
      const survey = await createSurvey(systemCaller(shop.id), { kind, question, options: [...options] });
      await inviteToSurvey(systemCaller(shop.id), {
        surveyId: survey.id,
        customers: [{ id: customers.da }, { id: customers.en }],
        channel: 'SMS',
      });
    }
    await app.runJobs();
    const port = await freePort();
    webUrl = `http://127.0.0.1:${port}`;
    web = spawn(process.execPath, [path.join(root, 'web', 'server.js')], {
      cwd: path.join(root, 'web'),
      env: { ...process.env, TROFAST_WEB_PORT: String(port), TROFAST_API_URL: app.url },
      stdio: 'ignore',
    });
    await waitForWeb(`${webUrl}/login`);
    browser = await openBrowser({ viewport: PHONE });
  }, 480_000);
  afterAll(async () => {
    await browser?.close();
    web?.kill('SIGTERM');
    await app?.stop();
  });
  beforeEach(async () => {
    await browser.context.clearCookies();
    await browser.page.setViewportSize(PHONE);
  });

  test('opening a link three times (as mail scanners do) leaves it usable; the button opens the page; a second press is refused clearly', async () => {
    const { page } = browser;
    const link = await linkFor(customers.en);
    for (let scan = 0; scan < 3; scan++) expect((await fetch(link)).status).toBe(200);
    await page.goto(link);
    await shoot(page, 'login-en');
    await page.getByRole('button', { name: 'Open my page' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hello, Oliver Brown' }).waitFor();
    await browser.context.clearCookies();
    await page.goto(link);
    await page.getByRole('button', { name: 'Open my page' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'This link has been used or has expired: links work once, for 30 minutes.' })
      .waitFor();
    await shoot(page, 'link-used-en');
  });

  test('a customer asks for the link on the page; the email in the outbox opens it', async () => {
    const { page } = browser;
    const customer = await upsertCustomer(systemCaller(shop.id), {
      externalId: 'EN-2',
      name: 'Ada Lund',
      locale: 'EN',
      email: 'ada@example.com',
    });
    await page.goto(`${webUrl}/m/${shop.slug}`);
    await page.getByLabel('Your email address').fill('ada@example.com');
    await page.getByRole('button', { name: 'Send me the link' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'If this address belongs to a customer, a link is on its way.' })
      .waitFor();
    await shoot(page, 'ask-link-en');
    await app.runJobs();
    const message = await tenantDb(systemCaller(shop.id)).message.findFirstOrThrow({
      where: { customerId: customer.id, kind: 'MEMBER_LINK', status: 'SENT' },
    });
    const link = message.body.match(/https?:\/\/\S+\/login\/\S+/)![0].replace(app.config.publicUrl, webUrl);
    await page.goto(link);
    await page.getByRole('button', { name: 'Open my page' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hello, Ada Lund' }).waitFor();
  });

  for (const { lang, viewport } of [
    { lang: 'da', viewport: PHONE },
    { lang: 'en', viewport: LAPTOP },
  ] as const) {
    const words =
      lang === 'da'
        ? {
            open: 'Åbn min side',
            hello: 'Hej Karen Holm',
            balance: '1.500 point',
            progress: '1.100 af 5.000 point til Guld.',
            ledger: '500 point for dit køb på 5.000,00 kr.',
            redeem: 'Tag den',
            redeemed: 'Sådan: Kaffe og kage er din. Der er trukket 100 point fra din saldo.',
            afterRedeem: '1.400 point',
            needsGold: 'Kræver Guld',
            saveContact: 'Gem valg',
            saved: 'Gemt. Vi kontakter dig kun, som du har valgt.',
            problemTitle: 'Hvad gik galt, med få ord',
            send: 'Send',
            reported: 'Tak. Vi har fået din henvendelse og ser på den.',
            download: 'Hent mine data',
            signOut: 'Log ud',
            email: 'E-mail',
            questions: 'Spørgsmål til dig',
            answered: 'Tak for dit svar!',
            answerPoll: 'Svar',
          }
        : {
            open: 'Open my page',
            hello: 'Hello, Oliver Brown',
            balance: '1,500 points',
            progress: '1,100 of 5,000 points to Gold.',
            ledger: '500 points for your purchase of 5,000.00 DKK',
            redeem: 'Take it',
            redeemed: 'Done: Kaffe og kage is yours. 100 points were taken from your balance.',
            afterRedeem: '1,400 points',
            needsGold: 'Needs Gold',
            saveContact: 'Save preferences',
            saved: 'Saved. We contact you only as you chose.',
            problemTitle: 'What went wrong, in a few words',
            send: 'Send',
            reported: 'Thank you. We have your report and will look into it.',
            download: 'Download my data',
            signOut: 'Sign out',
            email: 'Email',
            questions: 'Questions for you',
            answered: 'Thank you for your answer!',
            answerPoll: 'Answer',
          };

    test(`${lang} at ${viewport.width} × ${viewport.height}: balance, ledger, progress, open questions answered there, redeem, consent, a problem, the data download`, async () => {
      const { page } = browser;
      await page.setViewportSize(viewport);
      await page.goto(await linkFor(customers[lang]));
      // The link's page speaks the browser's language (English here) until the switch says otherwise.
      if (lang === 'da') {
        await page.getByRole('button', { name: 'Dansk' }).click();
        await page.waitForFunction(() => document.documentElement.lang === 'da');
      }
      await page.getByRole('button', { name: words.open }).click();
      await page.getByRole('heading', { level: 1, name: words.hello }).waitFor();
      expect((await page.getByTestId('balance').innerText()).replace(/\s+/g, ' ')).toBe(words.balance);
      expect(await page.getByTestId('tier-explanation').innerText()).toContain(words.progress);
      await page.getByText(words.ledger).first().waitFor();
      await page.getByText(words.needsGold).first().waitFor();
      expect(await overflow(page)).toBe(0);
      await shoot(page, `page-${lang}`);
      await page.setViewportSize(viewport);

      // The open questions: a score answers the NPS one right here; the poll opens its answer page.
      await page.getByRole('heading', { name: words.questions }).waitFor();
      expect(await page.getByTestId('open-invitation').count()).toBe(2);
      const nps = page.getByTestId('open-invitation').filter({ hasText: 'Vil du anbefale Nordlys Cykler til en ven?' });
      await nps.getByRole('button', { name: '9', exact: true }).click();
      await page.getByRole('status').filter({ hasText: words.answered }).waitFor();
      await nps.waitFor({ state: 'detached' });
      await shoot(page, `answered-${lang}`);
      await page.setViewportSize(viewport);
      const feedback = await tenantDb(systemCaller(shop.id)).feedback.findFirstOrThrow({
        where: { customerId: customers[lang], score: { not: null } },
      });
      expect(feedback.score).toBe(9);
      await page.getByRole('link', { name: words.answerPoll, exact: true }).click();
      await page.waitForURL(/\/a\/[\w-]{43}$/);
      await page.getByText('Hvilken cykel kører du mest på?').waitFor();
      await shoot(page, `answer-page-${lang}`);
      await page.setViewportSize(viewport);
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: words.hello }).waitFor();

      await page.getByRole('button', { name: words.redeem }).first().click();
      await page.getByRole('status').filter({ hasText: words.redeemed }).waitFor();
      await page
        .getByTestId('balance')
        .filter({ hasText: words.afterRedeem.split(' ')[0] })
        .waitFor();

      await page.getByRole('checkbox', { name: words.email }).check();
      await page.getByRole('button', { name: words.saveContact }).click();
      await page.getByRole('status').filter({ hasText: words.saved }).waitFor();
      const consents = await app.graphql(
        `{ customer(ref: { externalId: "${lang.toUpperCase()}-1" }) { consents { channel granted } } }`,
        {},
        shop.tokens.VIEWER,
      );
      expect(consents.data!.customer.consents).toContainEqual({ channel: 'EMAIL', granted: true });

      await page.getByLabel(words.problemTitle).fill('Kæden springer af');
      await page.getByRole('button', { name: words.send, exact: true }).click();
      await page.getByRole('status').filter({ hasText: words.reported }).waitFor();
      await page.getByText('Kæden springer af').first().waitFor();

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: words.download }).click(),
      ]);
      const data = JSON.parse(readFileSync((await download.path())!, 'utf8'));
      expect(data.customer.externalId).toBe(`${lang.toUpperCase()}-1`);
      expect(data.incidents.map((incident: { title: string }) => incident.title)).toEqual(['Kæden springer af']);
      await shoot(page, `page-after-${lang}`);

      await page.setViewportSize(viewport);
      await page.getByRole('button', { name: words.signOut }).click();
      await page
        .getByRole('heading', { level: 1, name: lang === 'da' ? 'Din loyalitetsside' : 'Your loyalty page' })
        .waitFor();
    });
  }

  test('staff see when the page was last used, its address, and make a signing secret shown once', async () => {
    const { page } = browser;
    await page.setViewportSize(LAPTOP);
    await signIn(page, webUrl, shop.emails.ADMIN, PASSWORD);
    for (const lang of ['en', 'da'] as const) {
      if (lang === 'da') {
        await page.getByRole('button', { name: 'Dansk' }).click();
        await page.waitForFunction(() => document.documentElement.lang === 'da');
      }
      await page.goto(`${webUrl}/customers/${gid('Customer', customers.en)}`);
      const lastUsed = page.locator('dt', { hasText: lang === 'da' ? 'Egen side senest brugt' : 'Own page last used' });
      await lastUsed.waitFor();
      expect(await lastUsed.locator('xpath=following-sibling::dd[1]').innerText()).toMatch(/2026|2027/);
      await shoot(page, `staff-customer-${lang}`);
      await page.setViewportSize(LAPTOP);
      await page.goto(`${webUrl}/settings#member-page`);
      await page
        .getByTestId('member-page-address')
        .filter({ hasText: `/m/${shop.slug}` })
        .waitFor();
      await page.getByRole('button', { name: lang === 'da' ? 'Lav en ny nøgle' : 'Make a new secret' }).click();
      const shown = page.getByTestId('member-signing-secret').filter({ hasText: 'trms_' });
      await shown.waitFor();
      const secret = await shown.innerText();
      expect(secret).toMatch(/^trms_[\w-]{43}$/);
      await page.screenshot({ path: path.join(SHOTS, `staff-secret-${lang}-1440x900.png`) });
      await page.getByRole('button', { name: lang === 'da' ? 'Jeg har gemt den' : 'I have stored it' }).click();
      await page.getByTestId('member-signing-secret').waitFor({ state: 'hidden' });
      await shoot(page, `staff-settings-${lang}`);
      await page.setViewportSize(LAPTOP);
    }
  });
});
