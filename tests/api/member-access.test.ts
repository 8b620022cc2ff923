// The ways a customer reaches their own page without an account: a shop's signed customer token
// (signed here with jose, as a shop's server would) and a one-time email link.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SignJWT, UnsecuredJWT } from 'jose';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { createMemberLink } from '../../api/src/services/member-access.service.ts';
import { upsertCustomer } from '../../api/src/services/customer.service.ts';
import { writeTransaction } from '../../api/src/services/transaction.service.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, type TestOrganization } from '../support/fixtures.ts';

let app: TestApp;
let shop: TestOrganization;
let other: TestOrganization;
let secret: string;
let otherSecret: string;

const EXCHANGE = `mutation ($token: String!) {
  exchangeCustomerToken(customerToken: $token) {
    __typename
    ... on MutationExchangeCustomerTokenSuccess { data { token expiresAt } }
    ... on ValidationError { message fieldErrors { path message } }
    ... on Error { message }
  }
}`;
const START = `mutation ($token: String!) {
  startMemberSession(linkToken: $token) {
    __typename
    ... on MutationStartMemberSessionSuccess { data { token expiresAt } }
    ... on Error { message }
  }
}`;
const MEMBER = `{ member { name organizationName } }`;
const CREATE_SECRET = `mutation { createMemberSigningSecret { __typename ... on MutationCreateMemberSigningSecretSuccess { data { secret createdAt } } ... on Error { message } } }`;

/** A customer token as a shop's server signs it, with what a test changes. */
function customerToken(
  options: { sub?: string; iss?: string; aud?: string; expiresIn?: number; key?: string; issuedAt?: Date } = {},
) {
  const now = app.clock.now();
  const seconds = Math.floor(now.getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(options.sub ?? 'C-1')
    .setIssuer(options.iss ?? shop.slug)
    .setAudience(options.aud ?? 'trofast')
    .setIssuedAt(seconds)
    .setExpirationTime(seconds + (options.expiresIn ?? 300))
    .sign(new TextEncoder().encode(options.key ?? secret));
}

async function exchange(token: string) {
  return (await app.graphql(EXCHANGE, { token })).data!.exchangeCustomerToken;
}

async function linkFor(externalId: string, organization = shop) {
  const customer = await upsertCustomer(systemCaller(organization.id), {
    externalId,
    name: `Kunde ${externalId}`,
  });
  const url = await writeTransaction(organization.id, (tx) => createMemberLink(tx, customer.id, app.clock.now()));
  return { url, token: url.split('/').at(-1)! };
}

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2026-05-04T10:00:00Z') });
  shop = await createTestOrganization(app, 'Nordlys Cykler');
  other = await createTestOrganization(app, 'Anden Butik');
  await upsertCustomer(systemCaller(shop.id), { externalId: 'C-1', name: 'Karen Holm' });
  await upsertCustomer(systemCaller(other.id), { externalId: 'C-1', name: 'Someone Else' });
  secret = (await app.graphql(CREATE_SECRET, {}, shop.tokens.ADMIN)).data!.createMemberSigningSecret.data.secret;
  otherSecret = (await app.graphql(CREATE_SECRET, {}, other.tokens.ADMIN)).data!.createMemberSigningSecret.data.secret;
});
afterAll(() => app?.stop());

describe('the organization’s slug and member signing secret', () => {
  test('a new organization gets a slug from its name, shown to its staff', async () => {
    expect(shop.slug).toBe('nordlys-cykler');
    const { data } = await app.graphql(
      `{ organization { slug memberSigningSecretCreatedAt } }`,
      {},
      shop.tokens.VIEWER,
    );
    expect(data!.organization).toEqual({
      slug: 'nordlys-cykler',
      memberSigningSecretCreatedAt: app.clock.now().toISOString(),
    });
  });

  test('only an ADMIN makes a signing secret', async () => {
    const { data } = await app.graphql(CREATE_SECRET, {}, shop.tokens.MANAGER);
    expect(data!.createMemberSigningSecret.__typename).toBe('ForbiddenError');
  });
});

describe('a shop’s signed customer token', () => {
  test('a valid token gives a member session that reads that customer’s own page', async () => {
    const result = await exchange(await customerToken());
    expect(result.__typename).toBe('MutationExchangeCustomerTokenSuccess');
    expect(result.data.expiresAt).toBe(new Date(app.clock.now().getTime() + 30 * 86_400_000).toISOString());
    const { data } = await app.graphql(MEMBER, {}, result.data.token);
    expect(data!.member).toEqual({ name: 'Karen Holm', organizationName: 'Nordlys Cykler' });
  });

  test.each<[string, () => Promise<string>, string]>([
    ['a wrong aud', () => customerToken({ aud: 'shopify' }), 'The token\'s aud must be "trofast".'],
    [
      'another organization’s iss (signed with that organization’s secret)',
      () => customerToken({ iss: 'nordlys-cykler', key: otherSecret }),
      "The token's signature does not match the organization's member signing secret.",
    ],
    [
      'an iss that is no organization’s slug',
      () => customerToken({ iss: 'nobody-here' }),
      "The token's iss is not the slug of any organization.",
    ],
    ['an expired token', () => customerToken({ expiresIn: -120 }), 'The token has expired: sign a new one.'],
    [
      'an exp more than 10 minutes ahead',
      () => customerToken({ expiresIn: 3600 }),
      'The token may live at most 10 minutes: set exp closer.',
    ],
    [
      'a bad signature',
      () => customerToken({ key: 'not-the-secret-at-all-but-long-enough' }),
      "The token's signature does not match the organization's member signing secret.",
    ],
    [
      'alg none',
      async () =>
        new UnsecuredJWT({})
          .setSubject('C-1')
          .setIssuer(shop.slug)
          .setAudience('trofast')
          .setExpirationTime(Math.floor(app.clock.now().getTime() / 1000) + 300)
          .encode(),
      'The token must be signed with HS256 and the member signing secret.',
    ],
    [
      'an unknown sub',
      () => customerToken({ sub: 'NO-SUCH-CUSTOMER' }),
      "No customer has the externalId in the token's sub (NO-SUCH-CUSTOMER).",
    ],
    [
      'something that is not a JWT',
      async () => 'hello',
      'This is not a signed customer token (a JWT signed with HS256).',
    ],
  ])('%s is refused with a clear error and no session', async (_name, token, message) => {
    const before = await sessionCount();
    const result = await exchange(await token());
    expect(result).toEqual({
      __typename: 'ValidationError',
      message,
      fieldErrors: [{ path: ['customerToken'], message }],
    });
    expect(await sessionCount()).toBe(before);
  });

  test('a new secret replaces the old one at once', async () => {
    const old = await customerToken();
    const fresh = (await app.graphql(CREATE_SECRET, {}, shop.tokens.ADMIN)).data!.createMemberSigningSecret.data.secret;
    expect((await exchange(old)).__typename).toBe('ValidationError');
    secret = fresh;
    expect((await exchange(await customerToken())).__typename).toBe('MutationExchangeCustomerTokenSuccess');
  });
});

async function sessionCount() {
  const { db } = await import('../../api/src/runtime.ts');
  return db().acrossOrganizations.memberSession.count();
}

describe('an email link to the page', () => {
  test('a link is <public URL>/m/<slug>/login/<token>, the token at least 128 bits, only its hash stored', async () => {
    const { url, token } = await linkFor('L-1');
    expect(url).toBe(`${app.config.publicUrl}/m/nordlys-cykler/login/${token}`);
    expect(Buffer.from(token, 'base64url').length).toBeGreaterThanOrEqual(16);
    const { db } = await import('../../api/src/runtime.ts');
    const stored = await db().acrossOrganizations.memberLink.findMany({ select: { tokenHash: true } });
    expect(stored.map((link) => link.tokenHash)).not.toContain(token);
  });

  test('the link works once: a second press is refused with a clear message', async () => {
    const { token } = await linkFor('L-2');
    const first = (await app.graphql(START, { token })).data!.startMemberSession;
    expect(first.__typename).toBe('MutationStartMemberSessionSuccess');
    expect((await app.graphql(MEMBER, {}, first.data.token)).data!.member.name).toBe('Kunde L-2');
    const second = (await app.graphql(START, { token })).data!.startMemberSession;
    expect(second).toEqual({
      __typename: 'ValidationError',
      message: 'This link has been used already: ask for a new one on the page.',
    });
  });

  test('after 30 minutes the link has expired', async () => {
    const { token } = await linkFor('L-3');
    app.clock.advance(30 * 60 * 1000);
    const result = (await app.graphql(START, { token })).data!.startMemberSession;
    expect(result).toEqual({
      __typename: 'ValidationError',
      message: 'This link has expired (links work for 30 minutes): ask for a new one on the page.',
    });
  });

  test('an unknown link is not found', async () => {
    const result = (await app.graphql(START, { token: 'made-up' })).data!.startMemberSession;
    expect(result).toEqual({ __typename: 'NotFoundError', message: 'This link was not found.' });
  });

  test('logging out ends the member session', async () => {
    const { token } = await linkFor('L-4');
    const session = (await app.graphql(START, { token })).data!.startMemberSession.data.token;
    expect((await app.graphql(`mutation { logout }`, {}, session)).data).toEqual({ logout: true });
    const after = await app.graphql(MEMBER, {}, session);
    expect(after.errors?.[0].message).toBe('This page session has ended or expired: open a new link.');
  });

  test('the staff see when the customer last used their page', async () => {
    const { token } = await linkFor('L-5');
    await app.graphql(START, { token });
    const { data } = await app.graphql(
      `{ customer(ref: { externalId: "L-5" }) { memberPageLastUsedAt } }`,
      {},
      shop.tokens.VIEWER,
    );
    expect(data!.customer.memberPageLastUsedAt).toBe(app.clock.now().toISOString());
  });
});

describe('starting sessions is rate-limited per client address', () => {
  const startFrom = async (address: string) => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({
        query: `mutation { startMemberSession(linkToken: "guess") { __typename ... on RateLimitedError { retryAfterSeconds } } }`,
      }),
    });
    return ((await response.json()) as { data: { startMemberSession: Record<string, unknown> } }).data
      .startMemberSession;
  };

  test('the 31st start in a minute from one address is refused with when to try again; another address is not', async () => {
    for (let attempt = 1; attempt <= 30; attempt++)
      expect((await startFrom('203.0.113.7')).__typename).toBe('NotFoundError');
    const refused = await startFrom('203.0.113.7');
    expect(refused.__typename).toBe('RateLimitedError');
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await startFrom('203.0.113.8')).__typename).toBe('NotFoundError');
  });
});
