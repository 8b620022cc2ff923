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
});
