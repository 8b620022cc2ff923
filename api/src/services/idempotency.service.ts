// Safe retries for partner writes. A key is scoped to the organization and the caller and kept at
// least 7 days. Its record is written by the write itself (writeTransaction), first thing in the
// write's transaction, and holds what the transaction returned, committed together with the
// effect: after a crash at any moment a retry either finds the committed result or finds nothing
// committed and runs once. A retry while the first call still runs waits on the record's unique
// index for a few seconds, then gets a RetryableError; never a second run.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, randomUUID } from 'node:crypto';
import { Prisma } from '../generated/prisma/client.ts';
import { callerId, type AuthenticatedCaller } from '../auth/caller.ts';
import type { TenantTx } from '../db/client.ts';
import {
  ForbiddenError,
  InsufficientPointsError,
  NotFoundError,
  OutOfStockError,
  RetryableError,
  TierTooLowError,
  ValidationError,
} from '../domain/errors.ts';
import { runtime } from '../runtime.ts';
import { isDatabaseTimeout, isUniqueViolation } from '../db/errors.ts';

export const KEEP_KEYS_MS = 7 * 24 * 60 * 60 * 1000;
/** How long a retry waits for a first call with the same key that is still running. */
const IN_PROGRESS_WAIT_MS = 3000;

export interface KeyClaim {
  organizationId: string;
  caller: string;
  key: string;
  operation: string;
  requestHash: string;
}

/** The key of the mutation now running and, on a retry after a crash, the result its first call committed. */
export interface RequestKey {
  claim: KeyClaim;
  committed?: { result: unknown };
}

/** Set around an idempotent mutation's resolver: the write that is its effect claims the key. */
export const requestKeys = new AsyncLocalStorage<RequestKey>();

/** A stable hash of an operation and its arguments: key order and Date objects do not matter. */
export function requestHash(operation: string, args: unknown): string {
  const canonical = JSON.stringify(args, (_key, value) =>
    value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
  return createHash('sha256').update(`${operation}\n${canonical}`).digest('hex');
}

export function keyClaim(caller: AuthenticatedCaller, key: string, operation: string, hash: string): KeyClaim {
  return { organizationId: caller.organizationId, caller: callerId(caller), key, operation, requestHash: hash };
}

const scopeOf = (claim: KeyClaim) => ({ organizationId: claim.organizationId, caller: claim.caller, key: claim.key });

export type KeyState =
  | { kind: 'new' }
  | { kind: 'conflict' }
  /** `result`: what the write committed, when a write answered it. */
  | { kind: 'answered'; response: string; result?: unknown }
  | { kind: 'committed'; result: unknown };

/** What a key holds now: nothing (or expired), another request's, a rendered answer, or a committed result. */
export async function keyState(claim: KeyClaim): Promise<KeyState> {
  const record = await runtime()
    .db.forOrganization(claim.organizationId)
    .idempotencyRecord.findUnique({ where: { organizationId_caller_key: scopeOf(claim) } });
  if (!record || record.expiresAt <= runtime().clock.now()) return { kind: 'new' };
  if (record.requestHash !== claim.requestHash || record.operation !== claim.operation) return { kind: 'conflict' };
  if (record.response !== null) {
    return {
      kind: 'answered',
      response: record.response,
      ...(record.result !== null ? { result: decodeResult(record.result) } : {}),
    };
  }
  if (record.result !== null) return { kind: 'committed', result: decodeResult(record.result) };
  return { kind: 'new' };
}

/** The key is held by a committed record: its write is not run again. */
export class KeyTaken extends Error {
  override name = 'KeyTaken';
}

export const KEY_CONFLICT =
  'This idempotency key was already used with different input; use a new key for a new request.';

/**
 * The first statement of the write's transaction: the record, uncommitted until the effect is.
 * A concurrent first call's uncommitted record makes this insert wait (on PostgreSQL), at most
 * IN_PROGRESS_WAIT_MS.
 */
export async function claimIn(tx: TenantTx, claim: KeyClaim, now: Date): Promise<string> {
  const id = randomUUID();
  const bounded = runtime().db.kind === 'postgresql';
  try {
    if (bounded) await tx.$executeRaw(Prisma.raw(`SET LOCAL lock_timeout = ${IN_PROGRESS_WAIT_MS}`));
    // An expired record of the key is history: it gives way to the new request.
    await tx.idempotencyRecord.deleteMany({ where: { ...scopeOf(claim), expiresAt: { lte: now } } });
    await tx.idempotencyRecord.create({
      data: {
        id,
        ...claim,
        createdAt: now,
        expiresAt: new Date(now.getTime() + KEEP_KEYS_MS),
      },
    });
    if (bounded) await tx.$executeRaw(Prisma.raw('SET LOCAL lock_timeout TO DEFAULT'));
  } catch (error) {
    if (isUniqueViolation(error)) throw new KeyTaken();
    if (isDatabaseTimeout(error)) {
      throw new RetryableError(
        'A request with this idempotency key is still running; send it again in a few seconds to get its answer.',
        Math.ceil(IN_PROGRESS_WAIT_MS / 1000),
      );
    }
    throw error;
  }
  return id;
}

/** The last write of the effect's transaction: what it returned, committed with it. */
export async function completeIn(tx: TenantTx, recordId: string, result: unknown, now: Date): Promise<void> {
  await tx.idempotencyRecord.update({
    where: { id: recordId },
    data: { result: encodeResult(result), completedAt: now },
  });
}

/**
 * The rendered answer, kept once the request has answered, so later replays return it byte for
 * byte. An answer with no write behind it (a ValidationError as data, say) gets its record here.
 */
export async function storeAnswer(claim: KeyClaim, response: string): Promise<void> {
  const db = runtime().db.forOrganization(claim.organizationId);
  const now = runtime().clock.now();
  const { count } = await db.idempotencyRecord.updateMany({
    where: { ...scopeOf(claim), requestHash: claim.requestHash, response: null },
    data: { response, completedAt: now },
  });
  if (count > 0) return;
  await db.idempotencyRecord.createMany({
    data: { ...claim, response, createdAt: now, completedAt: now, expiresAt: new Date(now.getTime() + KEEP_KEYS_MS) },
    skipDuplicates: true,
  });
}

/** Forgets keys older than the retention, organization by organization (the job's lease is held). */
export async function forgetExpiredKeys(now: Date): Promise<number> {
  const { count } = await runtime().db.acrossOrganizations.idempotencyRecord.deleteMany({
    where: { expiresAt: { lte: now } },
  });
  return count;
}

// ---------- a write's result, stored and read back ----------

const ERRORS: Record<string, new (...args: never[]) => Error> = {
  ValidationError,
  NotFoundError,
  ForbiddenError,
  InsufficientPointsError,
  OutOfStockError,
  TierTooLowError,
};

/** JSON that keeps Dates, BigInts and domain errors as what they were. */
export function encodeResult(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, plain: unknown) {
    const original = this[key];
    if (original instanceof Date) return { $date: original.toISOString() };
    if (typeof original === 'bigint') return { $bigint: original.toString() };
    if (original instanceof Error) return { $error: original.name, ...original, message: original.message };
    return plain;
  });
}

export function decodeResult(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
    const tagged = value as { $date?: string; $bigint?: string; $error?: string; message?: string };
    if (tagged.$date !== undefined) return new Date(tagged.$date);
    if (tagged.$bigint !== undefined) return BigInt(tagged.$bigint);
    if (tagged.$error !== undefined) {
      const { $error: name, message, ...fields } = tagged;
      const error = Object.create((ERRORS[name] ?? Error).prototype) as Error;
      return Object.assign(error, fields, { message });
    }
    return value;
  });
}
