// Emails to staff (PRODUCT.md "Webhooks" and "Team pulse"): an endpoint Trofast disables is told to
// every ADMIN, a pulse round invites every active staff member and reminds, once, those who have
// not answered. Over a real SMTP server, read with mailparser as a mail client would.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { runtime } from '../../api/src/runtime.ts';
import { createUser, deactivateUser } from '../../api/src/services/user.service.ts';
import { sendDueMessages } from '../../api/src/services/message.service.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, login, PASSWORD, type TestOrganization } from '../support/fixtures.ts';
import { partnerKey } from '../support/partner.ts';
import { startReceiver, type Receiver } from '../support/receiver.ts';
import { startSmtp, type TestSmtp } from '../support/smtp.ts';

const START = new Date('2026-11-10T09:00:00Z');
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const PUBLIC_URL = 'https://app.trofast.example';
const RESULT = '__typename ... on Error { message }';

let app: TestApp;
let smtp: TestSmtp;
const receivers: Receiver[] = [];

beforeAll(async () => {
  smtp = await startSmtp();
  app = await startTestApp({
    now: START,
    env: {
      SMTP_URL: smtp.url,
      TROFAST_PUBLIC_URL: PUBLIC_URL,
      TROFAST_MAIL_FROM: 'Trofast <noreply@trofast.example>',
      TROFAST_WEBHOOKS_ALLOW_PRIVATE: '1',
      TROFAST_WEBHOOKS_RETRY_SCHEDULE_MS: '0,0,0,0',
    },
  });
}, 180_000);

afterAll(async () => {
  await Promise.all(receivers.map((receiver) => receiver.close()));
  await app?.stop();
  await smtp?.stop();
});

/** Every mail the SMTP server received for this address. */
const mailsTo = (address: string) =>
  smtp.received.filter((mail) => mail.to && 'text' in mail.to && mail.to.text === address);

async function gql(query: string, variables: Record<string, unknown> | undefined, token: string) {
  const result = await app.graphql(query, variables, token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

describe('an endpoint Trofast disables', { timeout: 90_000 }, () => {
  let org: TestOrganization;
  let partner: string;
  /** A second ADMIN, who reads Danish. */
  const danishAdmin = 'admin2@krogen.example';

  beforeAll(async () => {
    org = await createTestOrganization(app, 'Krogen');
    partner = await partnerKey(org, ['WEBHOOKS_MANAGE']);
    await createUser(systemCaller(org.id), {
      email: danishAdmin,
      name: 'Mette',
      role: 'ADMIN',
      password: PASSWORD,
      locale: 'DA',
    });
  });

  async function endpointThatFails(answer: number, description: string) {
    const inbox = await startReceiver(() => ({ status: answer }));
    receivers.push(inbox);
    const created = await gql(
      `mutation ($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) {
         ${RESULT} ... on MutationCreateWebhookEndpointSuccess { data { endpoint { id } } } } }`,
      { input: { url: inbox.url, eventTypes: ['WEBHOOK_TEST'], description } },
      partner,
    );
    return { url: inbox.url, id: created.createWebhookEndpoint.data.endpoint.id as string };
  }

  const sendTest = (id: string) =>
    gql(`mutation ($id: ID!) { sendTestWebhook(endpointId: $id) { ${RESULT} } }`, { id }, partner);

  /** Reads the endpoint until the worker has written what `done` waits for. */
  async function endpointWhen(id: string, done: (endpoint: any) => boolean) {
    for (;;) {
      const { node } = await gql(
        `query ($id: ID!) { node(id: $id) { ... on WebhookEndpoint { status deliveries(first: 5) { edges { node { status } } } } } }`,
        { id },
        partner,
      );
      if (done(node)) return node;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  test('after three days of failures every ADMIN gets one email, in their own language; a MANAGER gets none', async () => {
    const endpoint = await endpointThatFails(500, 'Support desk');
    await sendTest(endpoint.id);
    await endpointWhen(endpoint.id, (read) => read.deliveries.edges[0]?.node.status === 'FAILED');
    app.clock.advance(72 * HOUR);
    await sendTest(endpoint.id);
    await endpointWhen(endpoint.id, (read) => read.status === 'DISABLED');

    await sendDueMessages(app.clock.now());
    const [english] = mailsTo(org.emails.ADMIN);
    expect(mailsTo(org.emails.ADMIN)).toHaveLength(1);
    expect(english.subject).toBe(`Webhook endpoint disabled: ${endpoint.url}`);
    expect(english.text).toContain(`${endpoint.url} (Support desk)`);
    expect(english.text).toContain('Every delivery to it failed for three days.');
    expect(english.text).toContain('switch the endpoint on under Settings → Webhooks');
    expect(english.html).toContain(`href="${PUBLIC_URL}/settings#webhooks"`);

    const danish = mailsTo(danishAdmin);
    expect(danish).toHaveLength(1);
    expect(danish[0].subject).toBe(`Webhook-endpoint slået fra: ${endpoint.url}`);
    expect(danish[0].text).toContain('Hej Mette,');
    expect(danish[0].text).toContain('Alle leveringer til det fejlede i tre dage.');

    for (const role of ['MANAGER', 'AGENT', 'VIEWER'] as const) expect(mailsTo(org.emails[role])).toEqual([]);
    // Staff messages are no customer contact: no interaction is recorded, and the partners'
    // outbox (every message has a customer) does not list them.
    const tenant = runtime().db.forOrganization(org.id);
    expect(await tenant.interaction.count()).toBe(0);
    const admin = await login(app, org.emails.ADMIN);
    expect((await gql('{ messages(first: 10) { totalCount } }', undefined, admin)).messages.totalCount).toBe(0);
    // ADMINs read them as staff messages; a MANAGER may not.
    const outbox = await gql(
      '{ staffMessages(first: 10) { totalCount edges { node { kind status recipient { email } } } } }',
      undefined,
      admin,
    );
    expect(outbox.staffMessages.edges.map((edge: any) => edge.node)).toEqual(
      expect.arrayContaining([
        { kind: 'WEBHOOK_DISABLED', status: 'SENT', recipient: { email: org.emails.ADMIN } },
        { kind: 'WEBHOOK_DISABLED', status: 'SENT', recipient: { email: danishAdmin } },
      ]),
    );
    expect(outbox.staffMessages.totalCount).toBe(2);
    const manager = await app.graphql(
      '{ staffMessages(first: 1) { totalCount } }',
      undefined,
      await login(app, org.emails.MANAGER),
    );
    expect(manager.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  test('a 410 Gone is told too, with its own reason', async () => {
    const before = mailsTo(org.emails.ADMIN).length;
    const endpoint = await endpointThatFails(410, 'Old CRM');
    await sendTest(endpoint.id);
    await endpointWhen(endpoint.id, (read) => read.status === 'DISABLED');
    await sendDueMessages(app.clock.now());
    const mails = mailsTo(org.emails.ADMIN).slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain('The receiver answered 410 Gone');
  });
});

describe('a pulse round', { timeout: 90_000 }, () => {
  let org: TestOrganization;
  const PENDING = '{ myPendingPulse { token } }';
  const ANSWER = `mutation ($input: AnswerPulseInput!) { answerPulse(input: $input) { ${RESULT} ... on MutationAnswerPulseSuccess { data { answered } } } }`;
  const agents = ['agent1@puls.example', 'agent2@puls.example', 'agent3@puls.example'];
  const gone = 'gone@puls.example';

  /** The pulse token in the link of a mail. */
  const tokenIn = (mail: ParsedMail) => new URL(/https:\S+\?pulse=\S+/.exec(mail.text!)![0]).searchParams.get('pulse')!;

  beforeAll(async () => {
    org = await createTestOrganization(app, 'Puls');
    for (const email of agents)
      await createUser(systemCaller(org.id), { email, name: email.split('@')[0], role: 'AGENT', password: PASSWORD });
    const { user } = await createUser(systemCaller(org.id), {
      email: gone,
      name: 'Gone',
      role: 'AGENT',
      password: PASSWORD,
    });
    await deactivateUser(systemCaller(org.id), user.id);
  });

  const staff = () => [...Object.values(org.emails), ...agents];

  test('opened, it invites every active staff member by email, and the link answers the pulse', async () => {
    const opened = await gql(
      `mutation { openPulseRound { ${RESULT} ... on MutationOpenPulseRoundSuccess { data { invited closesAt } } } }`,
      undefined,
      org.tokens.ADMIN,
    );
    expect(opened.openPulseRound.data.invited).toBe(7);
    await sendDueMessages(app.clock.now());

    for (const address of staff()) {
      const mails = mailsTo(address);
      expect(mails).toHaveLength(1);
      expect(mails[0].subject).toBe('How are things at Puls? The pulse takes a minute');
      expect(mails[0].text).toContain('Open until');
    }
    expect(mailsTo(gone)).toEqual([]);

    const agent = await login(app, agents[0]);
    const [invitation] = mailsTo(agents[0]);
    const token = tokenIn(invitation);
    expect(invitation.html).toContain(`href="${PUBLIC_URL}/?pulse=${token}"`);
    // The link carries the very token the dashboard hands the same person, nothing more.
    expect((await gql(PENDING, undefined, agent)).myPendingPulse.token).toBe(token);
    const answered = await gql(ANSWER, { input: { token, enps: 9, answers: [4, 4, 5] } }, agent);
    expect(answered.answerPulse).toEqual({ __typename: 'MutationAnswerPulseSuccess', data: { answered: 1 } });
    // In another person's hands the link answers nothing.
    const other = await gql(
      ANSWER,
      { input: { token: tokenIn(mailsTo(agents[1])[0]), enps: 0, answers: [1, 1, 1] } },
      agent,
    );
    expect(other.answerPulse.__typename).toBe('NotFoundError');
  });

  test('the copy staff read holds no live token, and no message is a customer contact', async () => {
    const rows = await runtime()
      .db.forOrganization(org.id)
      .message.findMany({
        where: { kind: 'PULSE_INVITE' },
        select: { customerId: true, userId: true, body: true, html: true },
      });
    expect(rows).toHaveLength(7);
    for (const row of rows) {
      expect(row.customerId).toBeNull();
      expect(row.body).toContain(`${PUBLIC_URL}/?pulse=••••••`);
      expect(row.html).not.toMatch(/\?pulse=[A-Za-z0-9_-]{20}/);
    }
  });

  test('half-way through, one reminder goes to those who have not answered, and only once', async () => {
    app.clock.advance(6 * DAY);
    await app.runJobs();
    expect(mailsTo(agents[1])).toHaveLength(1);

    app.clock.advance(DAY);
    await app.runJobs();
    expect(mailsTo(agents[0])).toHaveLength(1);
    const reminded = staff().filter((address) => address !== agents[0]);
    for (const address of reminded) {
      const mails = mailsTo(address);
      expect(mails).toHaveLength(2);
      expect(mails[1].subject).toBe('Reminder: the pulse at Puls is still open');
      expect(tokenIn(mails[1])).toBe(tokenIn(mails[0]));
    }

    app.clock.advance(3 * DAY);
    await app.runJobs();
    for (const address of reminded) expect(mailsTo(address)).toHaveLength(2);
    expect(mailsTo(gone)).toEqual([]);
  });
});
