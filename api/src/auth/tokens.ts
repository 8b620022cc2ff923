import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Partner keys start with this, so a leaked key is recognisable in logs and scanners. */
export const API_KEY_PREFIX = 'trf_';
/** A customer's member session token starts with this: it opens one customer's own page, nothing else. */
export const MEMBER_TOKEN_PREFIX = 'trm_';
/** How many characters of a key are kept to recognise it later (never enough to use it). */
export const API_KEY_SHOWN = 12;

export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/**
 * A token made again from a kept secret and what it opens (HMAC-SHA256): only its hash is stored,
 * yet the holder of the secret can hand it out once more (a pulse round, a survey invitation).
 */
export function derivedToken(secret: string, subject: string): string {
  return createHmac('sha256', secret).update(subject).digest('base64url');
}

export function sha256(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The token of `Authorization: Bearer <token>`, or undefined when there is none. */
export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1];
}
