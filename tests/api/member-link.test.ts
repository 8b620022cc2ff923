// The email link to the customer's own page, as messages carry it: a customer asks with an
// address (the answer never says whether it is known), staff send it from the customer page, and
// the link in the outbox opens one session.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { upsertCustomer } from '../../api/src/services/customer.service.ts';
import { tenantDb } from '../../api/src/runtime.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, type TestOrganization } from '../support/fixtures.ts';

let app: TestApp;
let shop: TestOrganization;

const REQUEST = `mutation ($slug: String!, $email: String!) {
  requestMemberLink(input: { organizationSlug: $slug, email: $email })
}`;
const START = `mutation ($token: String!) {
  startMemberSession(linkToken: $token) {
    __typename
    ... on MutationStartMemberSessionSuccess { data { token } }
    ... on Error { message }
  }
}`;
const SEND = `mutation ($externalId: String!) {
  sendMemberLink(customer: { externalId: $externalId }) {
    __typename
    ... on MutationSendMemberLinkSuccess { data { kind channel status } }
    ... on Error { message }
  }
}`;

const request = async (email: string, slug = shop.slug) =>
  (await app.graphql(REQUEST, { slug, email })).data!.requestMemberLink;

/** The member links sent to a customer, as the outbox holds them. */
async function linksSentTo(externalId: string) {
  const db = tenantDb(systemCaller(shop.id));
  const customer = await db.customer.findFirstOrThrow({ where: { externalId } });
  return db.message.findMany({
    where: { customerId: customer.id, kind: 'MEMBER_LINK' },
    orderBy: { createdAt: 'asc' },
  });
}

beforeAll(async () => {
  app = await startTestApp();
  shop = await createTestOrganization(app, 'Linkbutikken');
  for (const [externalId, email] of [
    ['K-1', 'karen@example.com'],
    ['K-2', 'ole@example.com'],
    ['K-3', 'mette@example.com'],
  ])
    await upsertCustomer(systemCaller(shop.id), { externalId, name: `Kunde ${externalId}`, email });
});
afterAll(() => app.stop());

test("a customer's request sends a MEMBER_LINK email whose link opens one session", async () => {
  expect(await request('Karen@Example.com')).toBe(true);
  await app.runJobs();
  const [message] = await linksSentTo('K-1');
  expect(message).toMatchObject({ status: 'SENT', channel: 'EMAIL', subject: `Din side hos ${shop.name}` });
  const link = message.body.match(new RegExp(`/m/${shop.slug}/login/(\\S+)`));
  expect(link).not.toBeNull();
  const first = (await app.graphql(START, { token: link![1] })).data!.startMemberSession;
  expect(first.__typename).toBe('MutationStartMemberSessionSuccess');
  const again = (await app.graphql(START, { token: link![1] })).data!.startMemberSession;
  expect(again.__typename).not.toBe('MutationStartMemberSessionSuccess');
});

test('an unknown address, or another organization, gets the same answer and nothing is sent', async () => {
  const before = await tenantDb(systemCaller(shop.id)).message.count({ where: { kind: 'MEMBER_LINK' } });
  expect(await request('nobody@example.com')).toBe(true);
  expect(await request('ole@example.com', 'no-such-shop')).toBe(true);
  await app.runJobs();
  expect(await tenantDb(systemCaller(shop.id)).message.count({ where: { kind: 'MEMBER_LINK' } })).toBe(before);
});

test('the sixth request for one address in an hour answers the same and sends nothing', async () => {
  for (let i = 0; i < 6; i++) expect(await request('ole@example.com')).toBe(true);
  await app.runJobs();
  expect(await linksSentTo('K-2')).toHaveLength(5);
});

test('staff send the link from the customer page; a viewer may not', async () => {
  const sent = (await app.graphql(SEND, { externalId: 'K-3' }, shop.tokens.AGENT)).data!.sendMemberLink;
  expect(sent).toEqual({
    __typename: 'MutationSendMemberLinkSuccess',
    data: { kind: 'MEMBER_LINK', channel: 'EMAIL', status: 'SCHEDULED' },
  });
  const refused = (await app.graphql(SEND, { externalId: 'K-3' }, shop.tokens.VIEWER)).data!.sendMemberLink;
  expect(refused.__typename).toBe('ForbiddenError');
  await app.runJobs();
  expect((await linksSentTo('K-3')).map((message) => message.status)).toEqual(['SENT']);
});
