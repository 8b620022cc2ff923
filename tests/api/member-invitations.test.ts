// The member's open survey invitations (PRODUCT.md "The customer's own page"): the page lists the
// invitations the customer can still answer, each with the same token their email carried, and
// that token answers it; answered, expired and cancelled ones are not listed, nor anyone else's.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { upsertCustomer } from '../../api/src/services/customer.service.ts';
import { createMemberLink } from '../../api/src/services/member-access.service.ts';
import { createSurvey, updateSurvey } from '../../api/src/services/survey.service.ts';
import { writeTransaction } from '../../api/src/services/transaction.service.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, login, type TestOrganization } from '../support/fixtures.ts';
import { gid } from '../support/operations.ts';
import { startSmtp, type TestSmtp } from '../support/smtp.ts';

const DAY = 24 * 60 * 60 * 1000;

let app: TestApp;
let smtp: TestSmtp;
let shop: TestOrganization;
let session: string;
const surveys: Record<string, string> = {};

const OPEN_INVITATIONS = `{ member { openInvitations { token question kind expiresAt } } }`;
const ANSWER = `mutation ($input: AnswerInvitationInput!) {
  answerInvitation(input: $input) {
    __typename
    ... on MutationAnswerInvitationSuccess { data { status score } }
    ... on Error { message }
  }
}`;

const openInvitations = async () => (await app.graphql(OPEN_INVITATIONS, {}, session)).data!.member.openInvitations;

/** Staff invite by hand; the outbox job sends it over SMTP. */
async function invite(externalId: string, survey: string) {
  const result = await app.graphql(
    `mutation ($input: InviteToSurveyInput!) { inviteToSurvey(input: $input) { __typename ... on MutationInviteToSurveySuccess { data { id } } } }`,
    { input: { surveyId: gid('Survey', surveys[survey]), customers: [{ externalId }], channel: 'EMAIL' } },
    await login(app, shop.emails.ADMIN),
  );
  expect(result.data!.inviteToSurvey.__typename).toBe('MutationInviteToSurveySuccess');
}

/** The answer link's token in the latest mail that asked this question. */
function tokenInMail(question: string) {
  const mail = smtp.received.findLast((one) => one.text?.includes(question));
  if (!mail) throw new Error(`no mail asking "${question}"`);
  return /\/a\/([A-Za-z0-9_-]{32,})/.exec(mail.text!)![1];
}

beforeAll(async () => {
  smtp = await startSmtp();
  app = await startTestApp({ now: new Date('2026-05-04T10:00:00Z'), env: { SMTP_URL: smtp.url } });
  shop = await createTestOrganization(app, 'Nordlys Cykler');
  const caller = systemCaller(shop.id);
  // Four invitations to one customer within days: no cooldown, a roomy cap.
  const settings = await app.graphql(
    `mutation { updateOrganizationSettings(settings: { contactCap: { max: 20, days: 30 }, surveyTriggers: { surveyCooldownDays: 0 } }) { __typename } }`,
    {},
    await login(app, shop.emails.ADMIN),
  );
  expect(settings.data!.updateOrganizationSettings.__typename).toBe('MutationUpdateOrganizationSettingsSuccess');
  const customers = [
    { externalId: 'K-7', name: 'Karen Holm', email: 'karen@example.dk' },
    { externalId: 'K-8', name: 'Ole Berg', email: 'ole@example.dk' },
  ];
  const ids: string[] = [];
  for (const customer of customers)
    ids.push(
      (await upsertCustomer(caller, { ...customer, locale: 'DA', consents: [{ channel: 'EMAIL', granted: true }] })).id,
    );
  for (const [name, kind, question, options] of [
    ['expired', 'CSAT', 'Hvordan var din levering i april?', []],
    ['open', 'NPS', 'Vil du anbefale Nordlys Cykler?', []],
    ['answered', 'POLL', 'Hvilken cykel kører du på?', ['Racer', 'Bycykel']],
    ['cancelled', 'CSAT', 'Hvordan var dit værkstedsbesøg?', []],
    ['ole', 'CSAT', 'Hvordan var din reparation, Ole?', []],
  ] as const)
    surveys[name] = (await createSurvey(caller, { kind, question, options: [...options] })).id;

  await invite('K-7', 'expired');
  await app.runJobs();
  app.clock.advance(20 * DAY);
  await invite('K-7', 'open');
  await app.runJobs();
  app.clock.advance(DAY);
  await invite('K-7', 'answered');
  await invite('K-8', 'ole');
  // Closed before the outbox ran: the invitation is cancelled, never sent.
  await invite('K-7', 'cancelled');
  await updateSurvey(caller, { id: surveys.cancelled, active: false });
  await app.runJobs();
  // The first invitation's 30 days are over; the others have 19 and 20 left.
  app.clock.advance(10 * DAY);

  const link = await writeTransaction(shop.id, (tx) => createMemberLink(tx, ids[0], app.clock.now()));
  session = (
    await app.graphql(
      `mutation ($token: String!) { startMemberSession(linkToken: $token) { ... on MutationStartMemberSessionSuccess { data { token } } } }`,
      { token: link.split('/').at(-1) },
    )
  ).data!.startMemberSession.data.token;
}, 180_000);

afterAll(async () => {
  await app?.stop();
  await smtp?.stop();
});

describe('open survey invitations on the member page', () => {
  test('the member sees their own open invitations, soonest to expire first, with the tokens their emails carried', async () => {
    const sentAt = Date.parse('2026-05-24T10:00:00Z');
    expect(await openInvitations()).toEqual([
      {
        token: tokenInMail('Vil du anbefale Nordlys Cykler?'),
        question: 'Vil du anbefale Nordlys Cykler?',
        kind: 'NPS',
        expiresAt: new Date(sentAt + 30 * DAY).toISOString(),
      },
      {
        token: tokenInMail('Hvilken cykel kører du på?'),
        question: 'Hvilken cykel kører du på?',
        kind: 'POLL',
        expiresAt: new Date(sentAt + 31 * DAY).toISOString(),
      },
    ]);
  });

  test('the token from the page answers the invitation, which then leaves the list', async () => {
    const poll = (await openInvitations()).find((invitation: { kind: string }) => invitation.kind === 'POLL');
    const answered = await app.graphql(ANSWER, { input: { token: poll.token, option: 'Bycykel' } });
    expect(answered.data!.answerInvitation).toEqual({
      __typename: 'MutationAnswerInvitationSuccess',
      data: { status: 'ANSWERED', score: null },
    });
    expect((await openInvitations()).map((invitation: { question: string }) => invitation.question)).toEqual([
      'Vil du anbefale Nordlys Cykler?',
    ]);
  });

  test('the email link of an invitation works as before: the same token opens its answer page', async () => {
    const page = await app.graphql(`query ($token: String!) { invitation(token: $token) { question status } }`, {
      token: tokenInMail('Vil du anbefale Nordlys Cykler?'),
    });
    expect(page.data!.invitation).toEqual({ question: 'Vil du anbefale Nordlys Cykler?', status: 'SENT' });
  });
});
