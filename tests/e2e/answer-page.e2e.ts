// The answer page on a phone (390 × 844), in a real browser against the demo with no SMTP: the
// invitation lands in the built-in outbox with its live link, the customer opens the one-tap link
// (the score is only preselected), submits, and sees the thank-you with the points earned.
import { mkdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO } from './support/trofast.ts';
import { useTrofastInBrowser } from './support/suite.ts';
import { signIn } from './support/browser.ts';
import { graphqlAt, partnerKey, staffToken, successOf } from './support/api.ts';

const SHOTS = '/work/shots/16';
const PHONE = { width: 390, height: 844 };

const suite = useTrofastInBrowser({ name: 'answer-page' });

async function invitedCustomer(locale: 'DA' | 'EN'): Promise<string> {
  const { apiUrl } = suite.trofast;
  const key = await partnerKey(apiUrl, `Answer page ${locale}`);
  const manager = await staffToken(apiUrl, DEMO.manager);
  const externalId = `ANSWER-${locale}`;
  await graphqlAt(
    apiUrl,
    `mutation ($input: UpsertCustomerInput!) { upsertCustomer(input: $input) { __typename } }`,
    {
      input: {
        externalId,
        name: locale === 'DA' ? 'Sofie Holm' : 'Emma Clark',
        email: `${externalId.toLowerCase()}@example.com`,
        locale,
        consents: [{ channel: 'EMAIL', granted: true }],
      },
    },
    key,
  );
  const survey = await graphqlAt<{ createSurvey: { __typename: string; data?: { id: string } } }>(
    apiUrl,
    `mutation ($input: CreateSurveyInput!) { createSurvey(input: $input) { __typename ... on MutationCreateSurveySuccess { data { id } } } }`,
    {
      input: {
        kind: 'CSAT',
        question:
          locale === 'DA' ? 'Hvor tilfreds er du med din seneste ordre?' : 'How happy are you with your latest order?',
        participationPoints: 25,
      },
    },
    manager,
  );
  const invited = await graphqlAt<{ inviteToSurvey: { __typename: string; data?: { message: { id: string } }[] } }>(
    apiUrl,
    `mutation ($input: InviteToSurveyInput!) { inviteToSurvey(input: $input) { __typename ... on MutationInviteToSurveySuccess { data { message { id } } } } }`,
    { input: { surveyId: successOf(survey.createSurvey).id, customers: [{ externalId }], channel: 'EMAIL' } },
    key,
  );
  const messageId = successOf(invited.inviteToSurvey)[0].message.id;
  // The outbox worker sends it on its next round; without SMTP the outbox copy is the delivery.
  let body = '';
  await expect
    .poll(
      async () => {
        const { node } = await graphqlAt<{ node: { status: string; body: string } }>(
          apiUrl,
          `query ($id: ID!) { node(id: $id) { ... on Message { status body } } }`,
          { id: messageId },
          manager,
        );
        body = node.body;
        return node.status;
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBe('SENT');
  return /\/a\/([A-Za-z0-9_-]{32,})\?score=4/.exec(body)![1];
}

async function answerOnPhone(
  page: Page,
  token: string,
  lang: 'da' | 'en',
  words: { submit: string; thanks: string; earned: string },
) {
  await page.setViewportSize(PHONE);
  await page.goto(`${suite.trofast.webUrl}/a/${token}?score=4`);
  await page.waitForLoadState('networkidle');
  // Nothing scrolls sideways on a phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await expect.poll(() => page.getByRole('radio', { name: '4' }).isChecked()).toBe(true);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/answer-page-${lang}-390.png`, fullPage: true });
  await page.getByRole('radio', { name: '5' }).check({ force: true });
  await page.getByRole('button', { name: words.submit }).click();
  await page.getByRole('heading', { name: words.thanks }).waitFor();
  await page.getByText(words.earned).waitFor();
  await page.screenshot({ path: `${SHOTS}/answer-thanks-${lang}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: `${SHOTS}/answer-thanks-${lang}-1440.png`, fullPage: true });
}

describe('the answer page', () => {
  test('in Danish: the one-tap score is preselected, the submit records it and thanks with the points', async () => {
    const token = await invitedCustomer('DA');
    await answerOnPhone(suite.browser.page, token, 'da', {
      submit: 'Send mit svar',
      thanks: 'Tak for dit svar!',
      earned: 'Du har fået 25 point.',
    });
    const page = await graphqlAt<{ invitation: { status: string; score: number } }>(
      suite.trofast.apiUrl,
      `query ($token: String!) { invitation(token: $token) { status score } }`,
      { token },
    );
    expect(page.invitation).toEqual({ status: 'ANSWERED', score: 5 });
  });

  test('in English, whatever language the browser speaks', async () => {
    const token = await invitedCustomer('EN');
    const page = suite.browser.page;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${suite.trofast.webUrl}/a/${token}`);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${SHOTS}/answer-page-en-1440.png`, fullPage: true });
    await answerOnPhone(page, token, 'en', {
      submit: 'Send my answer',
      thanks: 'Thank you for your answer!',
      earned: 'You have earned 25 points.',
    });
  });

  test('an unknown link says so, and writes nothing', async () => {
    const page = suite.browser.page;
    await page.setViewportSize(PHONE);
    await page.goto(`${suite.trofast.webUrl}/a/${'x'.repeat(32)}`);
    await page.getByRole('heading', { name: 'This link does not work' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/answer-unknown-en-390.png`, fullPage: true });
  });

  test('the dashboard shows the outbox, the survey triggers, the invitations per survey and the customer’s messages', async () => {
    const { apiUrl, webUrl } = suite.trofast;
    const page = suite.browser.page;
    const admin = await staffToken(apiUrl, DEMO.admin);
    const { customer } = await graphqlAt<{ customer: { id: string } }>(
      apiUrl,
      `query { customer(ref: { externalId: "ANSWER-DA" }) { id } }`,
      {},
      admin,
    );
    await signIn(page, webUrl, DEMO.admin);
    for (const locale of ['EN', 'DA'] as const) {
      await graphqlAt(
        apiUrl,
        `mutation ($input: UpdateMeInput!) { updateMe(input: $input) { __typename } }`,
        { input: { locale } },
        admin,
      );
      const lang = locale.toLowerCase();
      for (const [width, height] of [
        [390, 844],
        [1440, 900],
      ]) {
        await page.setViewportSize({ width, height });
        for (const [name, path, ready] of [
          ['settings-messages', '/settings', '#messages li'],
          ['customer-timeline', `/customers/${encodeURIComponent(customer.id)}`, 'li.message'],
          ['feedback-invitations', '/feedback', '.surveys li'],
        ] as const) {
          await page.goto(`${webUrl}${path}`);
          await page.locator(ready).first().waitFor({ timeout: 30_000 });
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
          await page.screenshot({
            path: `${SHOTS}/${name}-${lang}-${width}.png`,
            fullPage: name !== 'settings-messages',
          });
        }
      }
    }
    await page.goto(`${webUrl}/settings`);
    await page.locator('#messages').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/settings-messages-da-1440-outbox.png` });
  }, 300_000);

  test('customers to thank: one thanked with bonus points leaves the list, then the whole list is thanked and it is empty', async () => {
    const { apiUrl, webUrl } = suite.trofast;
    const page = suite.browser.page;
    const manager = await staffToken(apiUrl, DEMO.manager);
    const key = await partnerKey(apiUrl, 'Thank-you consents');
    type Listed = { id: string; externalId: string; name: string; email: string | null };
    const toThank = () =>
      graphqlAt<{ customersToThank: { totalCount: number; edges: { node: Listed }[] } }>(
        apiUrl,
        '{ customersToThank(first: 100) { totalCount edges { node { id externalId name email } } } }',
        {},
        manager,
      ).then((data) => data.customersToThank);
    const listed = await toThank();
    expect(listed.totalCount).toBeGreaterThan(1);
    // Every one of them agreed to hear from the shop by email, so no thank-you is skipped and the
    // list stays empty once they are sent.
    for (const { node } of listed.edges) {
      await graphqlAt(
        apiUrl,
        `mutation ($input: UpsertCustomerInput!) { upsertCustomer(input: $input) { __typename } }`,
        {
          input: {
            externalId: node.externalId,
            name: node.name,
            email: node.email ?? `${node.externalId.toLowerCase()}@example.com`,
            consents: [{ channel: 'EMAIL', granted: true }],
          },
        },
        key,
      );
    }
    await signIn(page, webUrl, DEMO.manager);
    for (const locale of ['DA', 'EN'] as const) {
      await graphqlAt(
        apiUrl,
        `mutation ($input: UpdateMeInput!) { updateMe(input: $input) { __typename } }`,
        { input: { locale } },
        manager,
      );
      for (const [width, height] of [
        [390, 844],
        [1440, 900],
      ]) {
        await page.setViewportSize({ width, height });
        // Without the fragment: the same address with it again would only scroll, not load the new language.
        await page.goto(`${webUrl}/customers`);
        await page.locator('#to-thank li').first().waitFor({ timeout: 30_000 });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await page.locator('#to-thank').scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SHOTS}/customers-to-thank-${locale.toLowerCase()}-${width}.png` });
      }
    }

    const first = listed.edges[0].node;
    await page.getByRole('button', { name: `Thank ${first.name}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Your words').fill('Thank you for five years with us');
    await dialog.getByLabel('Bonus points (optional)').fill('200');
    await page.screenshot({ path: `${SHOTS}/customers-to-thank-dialog-en-1440.png` });
    await dialog.getByRole('button', { name: 'Send thank-you' }).click();
    await page.getByText(`The thank-you to ${first.name} is on its way.`).waitFor();
    await expect.poll(() => page.getByRole('button', { name: `Thank ${first.name}` }).count()).toBe(0);
    const { customer } = await graphqlAt<{
      customer: { pointsLedger: { edges: { node: { delta: number; explanation: string } }[] } };
    }>(
      apiUrl,
      `query ($id: ID!) { customer(ref: { id: $id }) { pointsLedger(first: 1) { edges { node { delta explanation(locale: EN) } } } } }`,
      { id: first.id },
      manager,
    );
    expect(customer.pointsLedger.edges[0].node.delta).toBe(200);
    expect(customer.pointsLedger.edges[0].node.explanation).toContain('Thank you for five years with us');

    const rest = listed.totalCount - 1;
    await page.getByRole('button', { name: `Thank all ${rest} customers` }).click();
    await dialog.getByLabel('Your words').fill('Thank you for staying with us');
    await dialog.getByRole('button', { name: 'Send thank-you' }).click();
    await page.getByText(`${rest} thank-yous are on their way.`).waitFor();
    await page.getByText('Everyone is thanked').waitFor();
    await page.screenshot({ path: `${SHOTS}/customers-to-thank-empty-en-1440.png` });
    expect((await toThank()).totalCount).toBe(0);
  }, 300_000);

  test('the sender of emails is set in Settings, with help beside each field', async () => {
    const { apiUrl, webUrl } = suite.trofast;
    const page = suite.browser.page;
    const admin = await staffToken(apiUrl, DEMO.admin);
    await signIn(page, webUrl, DEMO.admin);
    for (const locale of ['DA', 'EN'] as const) {
      await graphqlAt(
        apiUrl,
        `mutation ($input: UpdateMeInput!) { updateMe(input: $input) { __typename } }`,
        { input: { locale } },
        admin,
      );
      for (const [width, height] of [
        [390, 844],
        [1440, 900],
      ]) {
        await page.setViewportSize({ width, height });
        // Without the fragment: the same address with it again would only scroll, not load the new language.
        await page.goto(`${webUrl}/settings`);
        await page.locator('#sender input').first().waitFor({ timeout: 30_000 });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await page.locator('#sender').scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SHOTS}/settings-sender-${locale.toLowerCase()}-${width}.png` });
      }
    }
    const sender = page.locator('#sender');
    await sender.getByLabel('Sender name').fill('Nordlys Cykler');
    await sender.getByLabel('Replies go to').fill('kundeservice@nordlys.example');
    await sender.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved.').first().waitFor();
    const { organization } = await graphqlAt<{
      organization: { settings: { messageSender: { name: string; replyTo: string } } };
    }>(apiUrl, '{ organization { settings { messageSender { name replyTo } } } }', {}, admin);
    expect(organization.settings.messageSender).toEqual({
      name: 'Nordlys Cykler',
      replyTo: 'kundeservice@nordlys.example',
    });
  }, 300_000);
});
