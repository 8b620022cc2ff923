// The ways a customer reaches their own page without an account (PRODUCT.md "The customer's own
// page"): an email link that works once for 30 minutes, or a token the shop's server signs with
// the organization's member signing secret. Both end in a member session: one customer, nothing
// else. Tokens are random (256 bits) and only their SHA-256 is stored. Starting a session, either
// way, counts against the client address's limit (30 a minute), so tokens cannot be guessed at speed.
import { decodeJwt, errors as joseErrors, jwtVerify } from 'jose';
import type { AuthenticatedCaller, Caller } from '../auth/caller.ts';
import { MEMBER_TOKEN_PREFIX, newSecret, sha256 } from '../auth/tokens.ts';
import type { TenantTx } from '../db/client.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { runtime } from '../runtime.ts';
import { emit } from './event-log.service.ts';
import { queueMessages } from './message.service.ts';
import { consumeRateLimit, RATE_LIMITS, withinRateLimit } from './rate-limit.service.ts';
import { writeTransaction } from './transaction.service.ts';

export const MEMBER_LINK_TTL_MS = 30 * 60 * 1000;
export const MEMBER_SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** A shop's token may live at most this long: a leaked one is soon worthless. */
const CUSTOMER_TOKEN_MAX_LIFETIME_S = 10 * 60;
/** Clocks of a shop's server and ours may differ a little. */
const CLOCK_TOLERANCE_S = 30;
const AUDIENCE = 'trofast';
const SIGNING_SECRET_PREFIX = 'trms_';

export interface MemberSession {
  token: string;
  expiresAt: Date;
}

/**
 * A new member signing secret for the organization, shown once; the one before stops signing at
 * once. HS256 verifies with the secret itself, so it is kept as it is (like a webhook secret).
 */
export async function createMemberSigningSecret(caller: AuthenticatedCaller) {
  const secret = newSecret(SIGNING_SECRET_PREFIX);
  const createdAt = runtime().clock.now();
  await writeTransaction(caller.organizationId, (tx) =>
    tx.organization.update({
      where: { id: caller.organizationId },
      data: { memberSigningSecret: secret, memberSigningSecretCreatedAt: createdAt },
    }),
  );
  return { secret, createdAt };
}

/**
 * A one-time link to the customer's page, valid for 30 minutes:
 * `<TROFAST_PUBLIC_URL>/m/<slug>/login/<token>`. Written in the caller's transaction, so the link
 * exists exactly when the message that carries it does.
 */
export async function createMemberLink(tx: TenantTx, customerId: string, now: Date): Promise<string> {
  const customer = await tx.customer.findUniqueOrThrow({
    where: { id: customerId },
    select: { organizationId: true, organization: { select: { slug: true } } },
  });
  const token = newSecret();
  await tx.memberLink.create({
    data: {
      organizationId: customer.organizationId,
      customerId,
      tokenHash: sha256(token),
      expiresAt: new Date(now.getTime() + MEMBER_LINK_TTL_MS),
      createdAt: now,
    },
  });
  return `${runtime().config.publicUrl}/m/${customer.organization.slug}/login/${token}`;
}

async function openSession(
  tx: TenantTx,
  organizationId: string,
  customerId: string,
  origin: 'LINK' | 'TOKEN',
  now: Date,
): Promise<MemberSession> {
  const token = newSecret(MEMBER_TOKEN_PREFIX);
  const expiresAt = new Date(now.getTime() + MEMBER_SESSION_TTL_MS);
  await tx.memberSession.create({
    data: { organizationId, customerId, tokenHash: sha256(token), origin, expiresAt, lastUsedAt: now, createdAt: now },
  });
  return { token, expiresAt };
}

/**
 * Spends an email link: the first use starts a session, every later one is refused. Only the
 * page's POST calls this; opening the link (a mail scanner's GET) reads nothing here.
 */
export async function startMemberSession(linkToken: string, clientAddress: string): Promise<MemberSession> {
  await consumeRateLimit(RATE_LIMITS.memberSessionStart, clientAddress);
  const { db, clock } = runtime();
  const now = clock.now();
  // The link itself says which organization it belongs to.
  const link = await db.acrossOrganizations.memberLink.findUnique({ where: { tokenHash: sha256(linkToken) } });
  if (!link) throw new NotFoundError('This link');
  return writeTransaction(link.organizationId, async (tx) => {
    // One statement claims the link: of two presses at once, one session starts.
    const claimed = await tx.memberLink.updateMany({
      where: { id: link.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count === 0) {
      throw ValidationError.at(
        ['linkToken'],
        link.usedAt
          ? 'This link has been used already: ask for a new one on the page.'
          : 'This link has expired (links work for 30 minutes): ask for a new one on the page.',
      );
    }
    return openSession(tx, link.organizationId, link.customerId, 'LINK', now);
  });
}

const refused = (message: string) => ValidationError.at(['customerToken'], message);

/** Why jose refused a token, in words a shop's developer can act on. */
function tokenRefusal(error: unknown): ValidationError {
  if (error instanceof joseErrors.JWTExpired) return refused('The token has expired: sign a new one.');
  if (error instanceof joseErrors.JWTClaimValidationFailed) {
    if (error.claim === 'aud') return refused(`The token's aud must be "${AUDIENCE}".`);
    if (error.claim === 'iss') return refused("The token's iss must be the organization's slug.");
    return refused(`The token's ${error.claim} claim is missing or wrong.`);
  }
  if (error instanceof joseErrors.JOSEAlgNotAllowed)
    return refused('The token must be signed with HS256 and the member signing secret.');
  if (error instanceof joseErrors.JWSSignatureVerificationFailed)
    return refused("The token's signature does not match the organization's member signing secret.");
  return refused('This is not a signed customer token (a JWT signed with HS256).');
}

/**
 * A shop's signed customer token (HS256; iss = slug, sub = externalId, aud = "trofast", exp at
 * most 10 minutes ahead) exchanged for a member session. jose verifies it; nothing here parses a
 * signature by hand.
 */
export async function exchangeCustomerToken(customerToken: string, clientAddress: string): Promise<MemberSession> {
  await consumeRateLimit(RATE_LIMITS.memberSessionStart, clientAddress);
  const { db, clock } = runtime();
  const now = clock.now();
  let issuer: unknown;
  try {
    // Unverified: only to find whose secret verifies it.
    issuer = decodeJwt(customerToken).iss;
  } catch (error) {
    throw tokenRefusal(error);
  }
  const organization =
    typeof issuer === 'string'
      ? await db.acrossOrganizations.organization.findUnique({
          where: { slug: issuer },
          select: { id: true, slug: true, memberSigningSecret: true },
        })
      : null;
  if (!organization) throw refused("The token's iss is not the slug of any organization.");
  if (!organization.memberSigningSecret)
    throw refused('This organization has no member signing secret yet: an ADMIN makes one in Settings.');
  let claims;
  try {
    ({ payload: claims } = await jwtVerify(customerToken, new TextEncoder().encode(organization.memberSigningSecret), {
      algorithms: ['HS256'],
      audience: AUDIENCE,
      issuer: organization.slug,
      requiredClaims: ['exp', 'sub'],
      currentDate: now,
      clockTolerance: CLOCK_TOLERANCE_S,
    }));
  } catch (error) {
    throw tokenRefusal(error);
  }
  if (claims.exp! > now.getTime() / 1000 + CUSTOMER_TOKEN_MAX_LIFETIME_S + CLOCK_TOLERANCE_S)
    throw refused('The token may live at most 10 minutes: set exp closer.');
  return writeTransaction(organization.id, async (tx) => {
    const customer = await tx.customer.findUnique({
      where: { organizationId_externalId: { organizationId: organization.id, externalId: claims.sub! } },
      select: { id: true },
    });
    if (!customer) throw refused(`No customer has the externalId in the token's sub (${claims.sub}).`);
    return openSession(tx, organization.id, customer.id, 'TOKEN', now);
  });
}

/** Ends the caller's member session; the page and any socket it opened lose access at once. */
export async function endMemberSession(caller: Extract<Caller, { kind: 'member' }>): Promise<void> {
  const now = runtime().clock.now();
  await writeTransaction(caller.organizationId, async (tx) => {
    await tx.memberSession.update({ where: { id: caller.memberSessionId }, data: { endedAt: now } });
    emit(tx, 'credential.revoked', { sessionId: caller.memberSessionId });
  });
}

/** Queues a MEMBER_LINK email: its link is made when it goes out (an answer to the customer's own request: never capped). */
async function queueMemberLink(organizationId: string, customerId: string): Promise<string> {
  const now = runtime().clock.now();
  const [id] = await writeTransaction(organizationId, (tx) =>
    queueMessages(
      tx,
      organizationId,
      [{ customerId, kind: 'MEMBER_LINK', channel: 'EMAIL', content: { template: 'MEMBER_LINK' } }],
      now,
    ),
  );
  return id;
}

/**
 * A customer asks for their page's link by email address. The answer is the same whether or not
 * the address is known, and over a limit (5 per address, 30 per client address an hour) nothing
 * is sent, so the page tells nobody which addresses are customers.
 */
export async function requestMemberLink(
  input: { organizationSlug: string; email: string },
  clientAddress: string,
): Promise<true> {
  const email = input.email.trim().toLowerCase();
  const slug = input.organizationSlug.trim();
  const withinEmail = await withinRateLimit(RATE_LIMITS.memberLinkPerEmail, `${slug}:${email}`);
  const withinAddress = await withinRateLimit(RATE_LIMITS.memberLinkPerAddress, clientAddress);
  if (!withinEmail || !withinAddress || !email.includes('@')) return true;
  const { db } = runtime();
  const organization = await db.acrossOrganizations.organization.findUnique({ where: { slug }, select: { id: true } });
  if (!organization) return true;
  const customer = await db
    .forOrganization(organization.id)
    .customer.findFirst({ where: { email: { equals: email, mode: 'insensitive' } }, select: { id: true } });
  if (customer) await queueMemberLink(organization.id, customer.id);
  return true;
}

/** Staff send a customer the link to their page; returns the queued message's id. */
export async function sendMemberLink(caller: AuthenticatedCaller, customerId: string): Promise<string> {
  return queueMemberLink(caller.organizationId, customerId);
}
