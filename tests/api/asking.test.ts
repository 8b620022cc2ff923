// Asking the customer (PRODUCT.md "Outreach" and "Asking"): invitations go out over a real SMTP
// server through the care rules, the answer page's token is the only credential, a GET never
// records, and the customer's answer changes how the customer is seen.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { upsertCustomer } from '../../api/src/services/customer.service.ts';
import { createSurvey } from '../../api/src/services/survey.service.ts';
import { sendDueMessages } from '../../api/src/services/message.service.ts';
import { runtime } from '../../api/src/runtime.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, login, type TestOrganization } from '../support/fixtures.ts';
import { partnerKey } from '../support/partner.ts';
import { startSmtp, type TestSmtp } from '../support/smtp.ts';

const START = new Date('2026-03-02T09:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const PUBLIC_URL = 'https://loyal.cykel.example';

let app: TestApp;
let smtp: TestSmtp;
let org: TestOrganization;
let partner: string;
let csatId: string;
let npsId: string;
let customerCount = 0;

const INVITE = `mutation ($input: InviteToSurveyInput!) {
  inviteToSurvey(input: $input) {
    __typename
    ... on MutationInviteToSurveySuccess { data { id status message { id } } }
    ... on Error { message }
  }
}`;
const PAGE = `query ($token: String!) { invitation(token: $token) { organizationName locale kind question status score comment changeableUntil participationPoints } }`;
const ANSWER = `mutation ($input: AnswerInvitationInput!) {
  answerInvitation(input: $input) {
    __typename
    ... on MutationAnswerInvitationSuccess { data { status score comment changeableUntil } }
    ... on ValidationError { message fieldErrors { path message } }
    ... on Error { message }
  }
}`;
const CUSTOMER = `query ($ref: CustomerRef!) {
  customer(ref: $ref) {
    pointsBalance
    risk { factors { code } }
    interactions(first: 20) { edges { node { kind direction channel personal } } }
    messages(first: 10) { edges { node { status kind subject body reasons(locale: EN) danish: reasons(locale: DA) nextAllowedAt sentAt } } }
    surveyInvitations(first: 10) {
      edges { node { status sentAt answeredAt incident { id } feedback { score } survey { kind } message { status nextAllowedAt } } }
    }
    pointsLedger(first: 20) { edges { node { kind delta } } }
  }
}`;

beforeAll(async () => {
  smtp = await startSmtp();
  app = await startTestApp({
    now: START,
    env: { SMTP_URL: smtp.url, TROFAST_PUBLIC_URL: PUBLIC_URL, TROFAST_MAIL_FROM: 'Cykelbutikken <hej@cykel.example>' },
  });
  org = await createTestOrganization(app, 'Cykelbutikken');
  partner = await partnerKey(org, ['EVENTS_WRITE']);
  const caller = systemCaller(org.id);
  csatId = (await createSurvey(caller, { kind: 'CSAT', question: 'Hvordan gik det?', participationPoints: 50 })).id;
  npsId = (await createSurvey(caller, { kind: 'NPS', question: 'Would you recommend us?', participationPoints: 20 }))
    .id;
}, 180_000);

afterAll(async () => {
  await app?.stop();
  await smtp?.stop();
});

const global = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

/** A new customer, Danish by default, with an email address and consent by email. */
async function newCustomer(overrides: Parameters<typeof upsertCustomer>[1] extends infer I ? Partial<I> : never = {}) {
  const externalId = `C-${++customerCount}`;
  await upsertCustomer(systemCaller(org.id), {
    externalId,
    name: `Kunde ${customerCount}`,
    email: `kunde${customerCount}@example.dk`,
    locale: 'DA',
    consents: [{ channel: 'EMAIL', granted: true }],
    ...overrides,
  });
  return externalId;
}

/** Staff sessions end as the test clock moves on by days: each reader signs in anew. */
const asStaff = (role: 'ADMIN' | 'AGENT') => login(app, org.emails[role]);

const readCustomer = async (externalId: string) =>
  (await app.graphql(CUSTOMER, { ref: { externalId } }, await asStaff('ADMIN'))).data!.customer;

async function invite(externalId: string, surveyId = csatId) {
  const result = await app.graphql(
    INVITE,
    { input: { surveyId: global('Survey', surveyId), customers: [{ externalId }], channel: 'EMAIL' } },
    partner,
  );
  expect(result.data!.inviteToSurvey.__typename).toBe('MutationInviteToSurveySuccess');
  return result.data!.inviteToSurvey.data[0];
}

/** The mail the SMTP server received for this address, and the token of its answer link. */
function mailTo(address: string) {
  const mail = smtp.received.findLast((one) => one.to && 'text' in one.to && one.to.text === address);
  if (!mail) throw new Error(`no mail to ${address}`);
  const token = /\/a\/([A-Za-z0-9_-]{32,})\?score=/.exec(mail.text ?? '')![1];
  return { mail, token };
}

async function invitedAndSent(overrides = {}) {
  const externalId = await newCustomer(overrides);
  await invite(externalId);
  await app.runJobs();
  return { externalId, ...mailTo(`kunde${customerCount}@example.dk`) };
}

/** Each scenario from an address of its own: the answer page allows 60 requests a minute per address. */
let addresses = 0;
const newAddress = () => `203.0.113.${++addresses}`;

async function fromAddress(address: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, any>; errors?: { message: string; extensions?: any }[] };
}

let address = newAddress();
const answer = (token: string, score: number, comment?: string) =>
  fromAddress(address, ANSWER, { input: { token, score, comment } });
const readPage = (token: string) => fromAddress(address, PAGE, { token });

describe('messages over SMTP', () => {
  test('an invitation arrives over SMTP in the customer’s language, with one-tap links and a plain-text part', async () => {
    const { mail, externalId } = await invitedAndSent();
    expect(mail.subject).toBe('Et hurtigt spørgsmål fra Cykelbutikken');
    expect(mail.from!.value).toEqual([{ name: 'Cykelbutikken', address: 'hej@cykel.example' }]);
    expect(mail.text).toContain('Hej Kunde');
    expect(mail.text).toContain('Hvordan gik det?');
    expect(mail.text).toContain('Du får 50 point for at svare.');
    expect(mail.text).toMatch(new RegExp(`${PUBLIC_URL}/a/[A-Za-z0-9_-]{43}\\?score=5`));
    expect(mail.html).toMatch(new RegExp(`href="${PUBLIC_URL}/a/[A-Za-z0-9_-]{43}\\?score=1"`));
    const customer = await readCustomer(externalId);
    const message = customer.messages.edges[0].node;
    expect(message).toMatchObject({ status: 'SENT', kind: 'SURVEY_INVITE', subject: mail.subject, reasons: [] });
    // The copy staff read has its links masked: over SMTP the token is the customer's alone.
    expect(message.body).toContain(`${PUBLIC_URL}/a/••••••?score=5`);
    expect(customer.interactions.edges.map((edge: any) => edge.node)).toEqual([
      { kind: 'SURVEY_INVITE', direction: 'OUTBOUND', channel: 'EMAIL', personal: false },
    ]);
  });

  test('a failed send is retried with backoff, then FAILED with the server’s answer', async () => {
    const externalId = await newCustomer();
    smtp.refuseNext(5, 'Mailbox busy, try later');
    await invite(externalId);
    await app.runJobs();
    let message = (await readCustomer(externalId)).messages.edges[0].node;
    expect(message.status).toBe('SCHEDULED');
    expect(message.reasons[0]).toMatch(/Mailbox busy/);
    // 1, 4, 16 and 64 minutes later it tries again; the fifth refusal is final.
    for (const minutes of [1, 4, 16, 64]) {
      app.clock.advance(minutes * 60_000);
      await app.runJobs();
    }
    message = (await readCustomer(externalId)).messages.edges[0].node;
    expect(message.status).toBe('FAILED');
    expect(message.reasons[0]).toMatch(/451.*Mailbox busy/);
    expect((await readCustomer(externalId)).interactions.edges).toEqual([]);
  });

  test('two workers share the outbox: every message is sent exactly once', async () => {
    const before = smtp.received.length;
    const customers = [];
    for (let index = 0; index < 12; index++) customers.push({ externalId: await newCustomer() });
    const result = await app.graphql(
      `mutation ($input: ThankCustomersInput!) { thankCustomers(input: $input) { __typename ... on MutationThankCustomersSuccess { data { id } } } }`,
      { input: { customers, channel: 'EMAIL', note: 'Tak for i år!' } },
      await asStaff('AGENT'),
    );
    expect(result.data!.thankCustomers.data).toHaveLength(12);
    const now = runtime().clock.now();
    await Promise.all([sendDueMessages(now), sendDueMessages(now), sendDueMessages(now)]);
    const ids = smtp.received.slice(before).map((mail) => mail.messageId);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    expect(smtp.received.at(-1)!.text).toContain('Tak for i år!');
  });
});

describe('the sender', () => {
  const SENDER = `mutation ($sender: MessageSenderInput!) { updateOrganizationSettings(settings: { messageSender: $sender }) {
    __typename ... on MutationUpdateOrganizationSettingsSuccess { data { messageSender { name replyTo } } }
    ... on ValidationError { fieldErrors { path message } } } }`;
  const setSender = async (sender: { name?: string | null; replyTo?: string | null }) =>
    (await app.graphql(SENDER, { sender }, await asStaff('ADMIN'))).data!.updateOrganizationSettings;

  test("an email goes out under the organization's sender name from the server's address, with its reply-to", async () => {
    expect(await setSender({ name: 'Nordlys Cykler', replyTo: 'kundeservice@nordlys.example' })).toEqual({
      __typename: 'MutationUpdateOrganizationSettingsSuccess',
      data: { messageSender: { name: 'Nordlys Cykler', replyTo: 'kundeservice@nordlys.example' } },
    });
    try {
      const { mail } = await invitedAndSent();
      expect(mail.from!.value).toEqual([{ name: 'Nordlys Cykler', address: 'hej@cykel.example' }]);
      expect(mail.replyTo!.value).toEqual([{ name: '', address: 'kundeservice@nordlys.example' }]);
    } finally {
      expect((await setSender({ name: '', replyTo: null })).data.messageSender).toEqual({ name: null, replyTo: null });
    }
    const { mail } = await invitedAndSent();
    expect(mail.from!.value).toEqual([{ name: 'Cykelbutikken', address: 'hej@cykel.example' }]);
    expect(mail.replyTo).toBeUndefined();
  });

  test.each([
    [{ name: 'Nordlys\r\nBcc: alle@example.com' }, 'name'],
    [{ name: 'Nordlys <alle@example.com>' }, 'name'],
    [{ replyTo: 'a@b.example, c@d.example' }, 'replyTo'],
  ])(
    'a sender that could break the header or is not one address is refused at its field: %o',
    async (sender, field) => {
      const refused = await setSender(sender);
      expect(refused.__typename).toBe('ValidationError');
      expect(refused.fieldErrors.map((error: { path: string[] }) => error.path)).toEqual([
        ['settings', 'messageSender', field],
      ]);
    },
  );
});

describe('the care rules', () => {
  test('without consent on the channel the invitation is SKIPPED with its reasons, and no contact is recorded', async () => {
    const externalId = await newCustomer({ consents: [{ channel: 'EMAIL', granted: false }] });
    const before = smtp.received.length;
    await invite(externalId);
    await app.runJobs();
    const customer = await readCustomer(externalId);
    expect(customer.messages.edges[0].node).toMatchObject({
      status: 'SKIPPED',
      nextAllowedAt: null,
      reasons: ['The customer has not agreed to hear from the organization by email.'],
      danish: ['Kunden har ikke sagt ja til at høre fra jer på e-mail.'],
    });
    expect(customer.surveyInvitations.edges[0].node.status).toBe('SKIPPED');
    expect(customer.interactions.edges).toEqual([]);
    expect(smtp.received.length).toBe(before);
  });

  test('inside the survey cooldown the next invitation is SKIPPED until the cooldown ends', async () => {
    const { externalId } = await invitedAndSent();
    const { sentAt } = (await readCustomer(externalId)).surveyInvitations.edges[0].node;
    await invite(externalId, npsId);
    await app.runJobs();
    const customer = await readCustomer(externalId);
    const second = customer.surveyInvitations.edges.find((edge: any) => edge.node.survey.kind === 'NPS').node;
    expect(second.status).toBe('SKIPPED');
    expect(second.message).toEqual({
      status: 'SKIPPED',
      nextAllowedAt: new Date(Date.parse(sentAt) + 30 * DAY).toISOString(),
    });
    expect(customer.interactions.edges).toHaveLength(1);
  });

  test('over the contact cap the invitation is SKIPPED until a contact leaves the window', async () => {
    const externalId = await newCustomer();
    for (let index = 0; index < 4; index++) {
      await app.graphql(
        `mutation ($input: RecordInteractionInput!) { recordInteraction(input: $input) { __typename } }`,
        {
          input: {
            customer: { externalId },
            channel: 'EMAIL',
            direction: 'OUTBOUND',
            kind: 'MARKETING',
            personal: false,
          },
        },
        partner,
      );
    }
    await invite(externalId);
    await app.runJobs();
    const message = (await readCustomer(externalId)).messages.edges[0].node;
    expect(message.status).toBe('SKIPPED');
    expect(message.reasons).toEqual([
      expect.stringMatching(
        /^The contact cap on marketing and survey contacts is reached: it may go out from .+ UTC\.$/,
      ),
    ]);
    expect(Date.parse(message.nextAllowedAt)).toBe(app.clock.now().getTime() + 30 * DAY);
  });
});

describe('the answer page', () => {
  beforeEach(() => {
    address = newAddress();
  });

  test('reading the link three times with different user agents records nothing', async () => {
    const { token, externalId } = await invitedAndSent();
    for (const agent of ['Microsoft Office Protection', 'Barracuda Sentinel', 'Mozilla/5.0 (iPhone)']) {
      const response = await fetch(
        `${app.url}/graphql?query=${encodeURIComponent(PAGE)}&variables=${encodeURIComponent(JSON.stringify({ token }))}`,
        {
          headers: { 'user-agent': agent, accept: 'application/json' },
        },
      );
      const page = ((await response.json()) as any).data.invitation;
      expect(page).toMatchObject({
        organizationName: 'Cykelbutikken',
        locale: 'DA',
        kind: 'CSAT',
        status: 'SENT',
        score: null,
      });
    }
    const customer = await readCustomer(externalId);
    expect(customer.surveyInvitations.edges[0].node.feedback).toBeNull();
    expect(customer.pointsBalance).toBe(0);
  });

  test('the submit records one answer and pays its participation points', async () => {
    const { token, externalId } = await invitedAndSent();
    const result = await answer(token, 4, 'Fin service');
    expect(result.data!.answerInvitation).toMatchObject({
      __typename: 'MutationAnswerInvitationSuccess',
      data: { status: 'ANSWERED', score: 4, comment: 'Fin service' },
    });
    const customer = await readCustomer(externalId);
    expect(customer.pointsBalance).toBe(50);
    expect(customer.surveyInvitations.edges[0].node).toMatchObject({ status: 'ANSWERED', feedback: { score: 4 } });
  });

  test('30 concurrent submits of one token give one feedback and one EARN_FEEDBACK entry; the last answer stands', async () => {
    const { token, externalId } = await invitedAndSent();
    const results = await Promise.all(Array.from({ length: 30 }, (_, index) => answer(token, (index % 5) + 1)));
    for (const result of results)
      expect(result.data!.answerInvitation.__typename).toBe('MutationAnswerInvitationSuccess');
    const customer = await readCustomer(externalId);
    const earned = customer.pointsLedger.edges.filter((edge: any) => edge.node.kind === 'EARN_FEEDBACK');
    expect(earned).toEqual([{ node: { kind: 'EARN_FEEDBACK', delta: 50 } }]);
    expect(customer.pointsBalance).toBe(50);
    const feedback = await app.graphql(
      `query { feedback(first: 100) { edges { node { customer { externalId } score } } } }`,
      {},
      await asStaff('ADMIN'),
    );
    const mine = feedback.data!.feedback.edges.filter((edge: any) => edge.node.customer.externalId === externalId);
    expect(mine).toHaveLength(1);
    const page = (await readPage(token)).data!.invitation;
    expect(page.score).toBe(mine[0].node.score);
  });

  test('an answer changed within 14 days is updated without paying again; after 14 days it is refused', async () => {
    const { token, externalId } = await invitedAndSent();
    await answer(token, 2);
    app.clock.advance(13 * DAY);
    const changed = await answer(token, 5, 'Det blev godt til sidst');
    expect(changed.data!.answerInvitation.data).toMatchObject({ score: 5, comment: 'Det blev godt til sidst' });
    expect((await readCustomer(externalId)).pointsBalance).toBe(50);
    app.clock.advance(2 * DAY);
    const refused = await answer(token, 1);
    expect(refused.data!.answerInvitation).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [
        {
          path: ['input', 'token'],
          message: 'An answer can be changed for 14 days; this one can no longer be changed.',
        },
      ],
    });
    expect((await readPage(token)).data!.invitation).toMatchObject({ status: 'ANSWERED', score: null });
  });

  test('over 60 reads and answers a minute from one address, the next is refused with RateLimitedError', async () => {
    const { token, externalId } = await invitedAndSent();
    for (let index = 0; index < 60; index++) expect((await readPage('y'.repeat(32))).data!.invitation).toBeNull();
    const refused = await answer(token, 5);
    expect(refused.data!.answerInvitation.__typename).toBe('RateLimitedError');
    expect((await readPage(token)).errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect((await readCustomer(externalId)).pointsBalance).toBe(0);
  });

  test('an unknown token reads as nothing and answers NotFoundError, writing nothing', async () => {
    expect((await readPage('x'.repeat(32))).data!.invitation).toBeNull();
    expect((await answer('x'.repeat(32), 5)).data!.answerInvitation.__typename).toBe('NotFoundError');
  });

  test('an answer that does not fit the survey is a ValidationError with its field', async () => {
    const { token } = await invitedAndSent();
    expect((await answer(token, 9)).data!.answerInvitation).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'score'] }],
    });
  });
});

describe('CSAT after an incident is resolved', () => {
  const REPORT = `mutation ($input: ReportIncidentInput!) { reportIncident(input: $input) { __typename ... on MutationReportIncidentSuccess { data { id } } } }`;
  const RESOLVE = `mutation ($input: ResolveIncidentInput!) { resolveIncident(input: $input) { __typename ... on Error { message } } }`;
  const UPDATE = `mutation ($input: UpdateIncidentInput!) { updateIncident(input: $input) { __typename ... on Error { message } } }`;
  const INCIDENT = `query ($id: ID!) { node(id: $id) { ... on Incident { status customerSatisfied customerSatisfiedSource } } }`;

  beforeAll(async () => {
    const settings = await app.graphql(
      `mutation ($settings: OrganizationSettingsInput!) { updateOrganizationSettings(settings: $settings) { __typename ... on MutationUpdateOrganizationSettingsSuccess { data { surveyTriggers { csatAfterResolveSurveyId csatDelayMinutes } } } } }`,
      { settings: { surveyTriggers: { csatAfterResolveSurveyId: global('Survey', csatId), csatDelayMinutes: 60 } } },
      await asStaff('ADMIN'),
    );
    expect(settings.data!.updateOrganizationSettings.data.surveyTriggers).toEqual({
      csatAfterResolveSurveyId: global('Survey', csatId),
      csatDelayMinutes: 60,
    });
  });

  async function resolvedIncident(askCustomer?: boolean) {
    const externalId = await newCustomer();
    const reported = await app.graphql(
      REPORT,
      {
        input: {
          customer: { externalId },
          title: 'Cyklen kom med bøjet forhjul',
          category: 'DELIVERY',
          severity: 'HIGH',
        },
      },
      await asStaff('AGENT'),
    );
    const id = reported.data!.reportIncident.data.id;
    const resolved = await app.graphql(
      RESOLVE,
      { input: { id, resolution: 'Nyt forhjul sendt', customerSatisfied: 'NO', askCustomer } },
      await asStaff('AGENT'),
    );
    expect(resolved.data!.resolveIncident.__typename).toBe('MutationResolveIncidentSuccess');
    return { externalId, id };
  }

  test('the invitation goes out after the delay; answering 5 makes the customer satisfied in their own word, a recovery', async () => {
    const { externalId, id } = await resolvedIncident();
    await app.runJobs();
    expect((await readCustomer(externalId)).surveyInvitations.edges[0].node.status).toBe('SCHEDULED');
    app.clock.advance(60 * 60_000);
    await app.runJobs();
    const invitation = (await readCustomer(externalId)).surveyInvitations.edges[0].node;
    expect(invitation).toMatchObject({ status: 'SENT', incident: { id } });
    const { token } = mailTo(`kunde${customerCount}@example.dk`);
    await answer(token, 5);
    expect((await app.graphql(INCIDENT, { id }, await asStaff('ADMIN'))).data!.node).toEqual({
      status: 'RESOLVED',
      customerSatisfied: 'YES',
      customerSatisfiedSource: 'CUSTOMER',
    });
    expect((await readCustomer(externalId)).risk.factors.map((factor: any) => factor.code)).toContain('RECOVERED');
  });

  test('reopening before the delay cancels the invitation', async () => {
    const { externalId, id } = await resolvedIncident();
    await app.graphql(UPDATE, { input: { id, status: 'IN_PROGRESS' } }, await asStaff('AGENT'));
    app.clock.advance(60 * 60_000);
    await app.runJobs();
    const customer = await readCustomer(externalId);
    expect(customer.surveyInvitations.edges[0].node.status).toBe('CANCELLED');
    expect(customer.messages.edges[0].node).toMatchObject({
      status: 'CANCELLED',
      reasons: ['The incident was reopened before the invitation went out: the customer is asked once it is resolved.'],
      danish: ['Sagen blev genåbnet, før invitationen blev sendt: kunden spørges, når den er løst.'],
    });
  });

  test('a trigger must name a survey of its kind: a CSAT survey is no NPS cadence', async () => {
    const result = await app.graphql(
      `mutation ($settings: OrganizationSettingsInput!) { updateOrganizationSettings(settings: $settings) { __typename ... on ValidationError { fieldErrors { path message } } } }`,
      { settings: { surveyTriggers: { npsSurveyId: global('Survey', csatId) } } },
      await asStaff('ADMIN'),
    );
    expect(result.data!.updateOrganizationSettings).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [
        { path: ['settings', 'surveyTriggers', 'npsSurveyId'], message: 'Choose one of your NPS surveys.' },
      ],
    });
  });

  test('askCustomer: false asks nobody', async () => {
    const { externalId } = await resolvedIncident(false);
    expect((await readCustomer(externalId)).surveyInvitations.edges).toEqual([]);
  });
});
