// `pnpm bench asking` (issue 16). 1) Answers through the answer endpoint (answerInvitation, the
// token the only credential) against submitFeedback of the same answers by a partner, both over
// HTTP with 10 clients in the same run: goal ≥ 0.5× the throughput, p99 ≤ 100 ms. 2) Scheduling
// the relational NPS invitations of 1 000 and of 10 000 due customers: goal one set-based pass,
// ≤ 10 s, statements growing only with chunks of 1 000 invitations, not per customer.
import { Prisma } from '../../api/src/generated/prisma/client.ts';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { db } from '../../api/src/runtime.ts';
import { createApiKey } from '../../api/src/services/api-key.service.ts';
import { createOrganization } from '../../api/src/services/organization.service.ts';
import { createSurvey } from '../../api/src/services/survey.service.ts';
import { inviteToSurvey, scheduleNpsInvitations } from '../../api/src/services/invitation.service.ts';
import { sendDueMessages } from '../../api/src/services/message.service.ts';
import { updateOrganizationSettings } from '../../api/src/services/organization-settings.service.ts';
import { benchApp, percentile } from './support.ts';
import type { BenchTarget } from './run.ts';

const ANSWERS = 300;
const CLIENTS = 10;
const DAY_MS = 24 * 60 * 60 * 1000;

const ANSWER = `mutation ($input: AnswerInvitationInput!) { answerInvitation(input: $input) { __typename } }`;
const SUBMIT = `mutation ($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { __typename } }`;

/** Bulk customers in one statement each: the bench measures asking, not the setup. */
async function insertCustomers(organizationId: string, count: number, prefix: string, firstPurchaseAt: Date) {
  await db().acrossOrganizations.$executeRaw(Prisma.sql`
    INSERT INTO "Customer" (id, "organizationId", "externalId", name, email, locale, "firstPurchaseAt", "updatedAt")
    SELECT gen_random_uuid()::text, ${organizationId}, ${prefix} || n, 'Kunde ' || n, ${prefix} || n || '@bench.example',
           'DA', ${firstPurchaseAt}, now()
    FROM generate_series(1, ${count}) AS n`);
  await db().acrossOrganizations.$executeRaw(Prisma.sql`
    INSERT INTO "ChannelConsent" (id, "organizationId", "customerId", channel, granted)
    SELECT gen_random_uuid()::text, ${organizationId}, id, 'EMAIL', true FROM "Customer"
    WHERE "organizationId" = ${organizationId} AND "externalId" LIKE ${prefix + '%'}`);
}

/** `calls` run by `CLIENTS` clients: answers per second and p99 latency. */
async function load(calls: (() => Promise<string>)[]) {
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < calls.length) {
        const call = calls[next++];
        const begun = performance.now();
        const typename = await call();
        latencies.push(performance.now() - begun);
        if (!typename.endsWith('Success')) failures.set(typename, (failures.get(typename) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: calls.length / seconds, p99: percentile(latencies, 99), failures };
}

async function post(url: string, query: string, variables: object, headers: Record<string, string>) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, { __typename: string }> };
  return body.data ? Object.values(body.data)[0].__typename : 'error';
}

async function answers(target: BenchTarget) {
  const app = await benchApp(target, { jobTimers: false });
  try {
    const organization = await createOrganization('Bench asking', []);
    const caller = systemCaller(organization.id);
    await insertCustomers(organization.id, ANSWERS, 'A-', new Date());
    const customers = await db()
      .forOrganization(organization.id)
      .customer.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
    const invited = await createSurvey(caller, { kind: 'CSAT', question: 'Invited?', participationPoints: 10 });
    const partnerSurvey = await createSurvey(caller, {
      kind: 'CSAT',
      question: 'Asked elsewhere?',
      participationPoints: 10,
    });
    await inviteToSurvey(caller, {
      surveyId: invited.id,
      customers: customers.map((customer) => ({ id: customer.id })),
      channel: 'EMAIL',
    });
    await sendDueMessages(new Date());
    // No SMTP: the outbox is the delivery, and its bodies hold the live links.
    const messages = await db()
      .forOrganization(organization.id)
      .message.findMany({ select: { body: true } });
    const tokens = messages.map((message) => /\/a\/([A-Za-z0-9_-]{32,})\?score=/.exec(message.body)![1]);
    const key = await createApiKey(caller, { name: 'Bench', scopes: ['EVENTS_WRITE'] });
    // Each answer from an address of its own: the answer page allows 60 a minute per address.
    const viaPartner = customers.map(
      (customer, index) => () =>
        post(
          app.url,
          SUBMIT,
          {
            input: {
              customer: { id: Buffer.from(`Customer:${customer.id}`).toString('base64') },
              surveyId: Buffer.from(`Survey:${partnerSurvey.id}`).toString('base64'),
              score: (index % 5) + 1,
            },
          },
          { authorization: `Bearer ${key.secret}` },
        ),
    );
    const viaPage = tokens.map(
      (token, index) => () =>
        post(
          app.url,
          ANSWER,
          { input: { token, score: (index % 5) + 1 } },
          { 'x-forwarded-for': `198.18.${index >> 8}.${index & 255}` },
        ),
    );
    const baseline = await load(viaPartner);
    const measured = await load(viaPage);
    const ratio = measured.perSecond / baseline.perSecond;
    console.log(`\n[${target.label}] answers: ${ANSWERS} each, ${CLIENTS} clients`);
    console.log(`  submitFeedback (partner):  ${baseline.perSecond.toFixed(0)}/s, p99 ${baseline.p99.toFixed(0)} ms`);
    console.log(`  answerInvitation (page):   ${measured.perSecond.toFixed(0)}/s, p99 ${measured.p99.toFixed(0)} ms`);
    console.log(
      `  ratio ${ratio.toFixed(2)}× (goal ≥ 0.5×), p99 ${measured.p99 <= 100 ? 'within' : 'OVER'} 100 ms` +
        (measured.failures.size + baseline.failures.size > 0
          ? `; failures ${JSON.stringify([...measured.failures, ...baseline.failures])}`
          : ''),
    );
  } finally {
    await app.stop();
  }
}

async function scheduling(target: BenchTarget, count: number) {
  const app = await benchApp(target, { jobTimers: false });
  try {
    const organization = await createOrganization(`Bench NPS ${count}`, []);
    const caller = systemCaller(organization.id);
    const now = new Date();
    await insertCustomers(organization.id, count, 'N-', new Date(now.getTime() - 200 * DAY_MS));
    const survey = await createSurvey(caller, { kind: 'NPS', question: 'Recommend us?' });
    await updateOrganizationSettings(caller, { surveyTriggers: { npsSurveyId: survey.id } });
    const started = performance.now();
    const queued = await scheduleNpsInvitations(now);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `[${target.label}] NPS scheduling: ${queued} invitations for ${count} due customers in ${seconds.toFixed(2)} s ` +
        `(${Math.ceil(count / 1000)} chunk${count > 1000 ? 's' : ''} of 1 000; goal ≤ 10 s for 10 000)`,
    );
  } finally {
    await app.stop();
  }
}

export async function askingBenchmark(target: BenchTarget) {
  await answers(target);
  await scheduling(target, 1_000);
  await scheduling(target, 10_000);
}
