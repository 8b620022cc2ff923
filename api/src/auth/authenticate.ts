// Turns `Authorization: Bearer <token>` into a caller: a staff session, a partner API key or a
// customer's member session.
import { GraphQLError } from 'graphql';
import { ANONYMOUS, type Caller } from './caller.ts';
import { API_KEY_PREFIX, bearerToken, MEMBER_TOKEN_PREFIX, sameHash, sha256 } from './tokens.ts';
import { runtime } from '../runtime.ts';

/** A session's expiry slides forward by this much with use. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** lastUsedAt and the sliding expiry are written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60 * 1000;

export class AuthenticationError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  }
}

export async function authenticate(authorization: string | undefined): Promise<Caller> {
  if (!authorization) return ANONYMOUS;
  const token = bearerToken(authorization);
  if (!token) throw new AuthenticationError('Authorization must be "Bearer <session token or API key>".');
  if (token.startsWith(API_KEY_PREFIX)) return apiKeyCaller(token);
  if (token.startsWith(MEMBER_TOKEN_PREFIX)) return memberCaller(token);
  return sessionCaller(token);
}

async function memberCaller(token: string): Promise<Caller> {
  const { db, clock } = runtime();
  const now = clock.now();
  const session = await db.acrossOrganizations.memberSession.findUnique({ where: { tokenHash: sha256(token) } });
  if (!session || session.endedAt || session.expiresAt <= now) {
    throw new AuthenticationError('This page session has ended or expired: open a new link.');
  }
  // The staff see when the page was last used; a minute is precise enough.
  if (now.getTime() - session.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db.acrossOrganizations.memberSession.update({ where: { id: session.id }, data: { lastUsedAt: now } });
  }
  return {
    kind: 'member',
    organizationId: session.organizationId,
    customerId: session.customerId,
    memberSessionId: session.id,
  };
}

async function apiKeyCaller(secret: string): Promise<Caller> {
  const { db, clock } = runtime();
  const secretHash = sha256(secret);
  // Sign-in lookups cross organizations: the key itself says which organization it belongs to.
  const key = await db.acrossOrganizations.apiKey.findUnique({ where: { secretHash } });
  if (!key || !sameHash(key.secretHash, secretHash) || key.revokedAt) {
    throw new AuthenticationError('This API key is unknown or revoked.');
  }
  const now = clock.now();
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db.acrossOrganizations.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } });
  }
  return { kind: 'apiKey', organizationId: key.organizationId, apiKeyId: key.id, scopes: key.scopes };
}

async function sessionCaller(token: string): Promise<Caller> {
  const { db, clock } = runtime();
  const now = clock.now();
  const session = await db.acrossOrganizations.session.findUnique({
    where: { tokenHash: sha256(token) },
    include: { user: true },
  });
  if (!session || session.endedAt || session.expiresAt <= now || !session.user.active) {
    throw new AuthenticationError('The session has ended or expired: sign in again.');
  }
  if (now.getTime() - session.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db.acrossOrganizations.session.update({
      where: { id: session.id },
      data: { lastUsedAt: now, expiresAt: new Date(now.getTime() + SESSION_TTL_MS) },
    });
  }
  return {
    kind: 'user',
    organizationId: session.organizationId,
    userId: session.userId,
    sessionId: session.id,
    role: session.user.role,
    locale: session.user.locale,
  };
}
