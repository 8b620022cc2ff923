// Safe retries for partner writes: a key is scoped to the organization and the caller, kept at
// least 7 days; a replay returns the first answer and changes nothing; the same key with other
// input is refused; concurrent calls with one key execute once (the others wait for its answer).
import { createHash } from 'node:crypto';
import { callerId, type AuthenticatedCaller } from '../auth/caller.ts';
import { runtime, tenantDb } from '../runtime.ts';
import { isUniqueViolation } from '../db/errors.ts';

export const KEEP_KEYS_MS = 7 * 24 * 60 * 60 * 1000;
/**
 * A first call that has not answered by then is taken for dead (its process crashed). Measured,
 * like every time of a record, on the runtime's clock: against the database's clock, a call
 * still running would look dead whenever the two disagree by more than this.
 */
const ABANDONED_MS = 60 * 1000;
const POLL_MS = 25;

export type Claim = { kind: 'fresh'; recordId: string } | { kind: 'replay'; response: string } | { kind: 'conflict' };

/** A stable hash of an operation and its arguments: key order and Date objects do not matter. */
export function requestHash(operation: string, args: unknown): string {
  const canonical = JSON.stringify(args, (_key, value) =>
    value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
  return createHash('sha256').update(`${operation}\n${canonical}`).digest('hex');
}

export async function claimKey(
  caller: AuthenticatedCaller,
  key: string,
  operation: string,
  hash: string,
): Promise<Claim> {
  const { clock } = runtime();
  const db = tenantDb(caller);
  const scope = { organizationId: caller.organizationId, caller: callerId(caller), key };
  for (;;) {
    const now = clock.now();
    try {
      const record = await db.idempotencyRecord.create({
        data: {
          ...scope,
          operation,
          requestHash: hash,
          createdAt: now,
          expiresAt: new Date(now.getTime() + KEEP_KEYS_MS),
        },
      });
      return { kind: 'fresh', recordId: record.id };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const record = await db.idempotencyRecord.findUnique({ where: { organizationId_caller_key: scope } });
    if (!record) continue;
    const abandoned = !record.completedAt && now.getTime() - record.createdAt.getTime() > ABANDONED_MS;
    if (record.expiresAt <= now || abandoned) {
      await db.idempotencyRecord.deleteMany({ where: { id: record.id, completedAt: record.completedAt } });
      continue;
    }
    if (record.requestHash !== hash || record.operation !== operation) return { kind: 'conflict' };
    if (record.completedAt && record.response !== null) return { kind: 'replay', response: record.response };
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

export async function completeKey(caller: AuthenticatedCaller, recordId: string, response: string): Promise<void> {
  await tenantDb(caller).idempotencyRecord.update({
    where: { id: recordId },
    data: { response, completedAt: runtime().clock.now() },
  });
}

/** The first call failed unexpectedly: nothing was stored, so a retry may run again. */
export async function releaseKey(caller: AuthenticatedCaller, recordId: string): Promise<void> {
  await tenantDb(caller).idempotencyRecord.deleteMany({ where: { id: recordId } });
}

/** Forgets keys older than the retention, organization by organization (the job's lease is held). */
export async function forgetExpiredKeys(now: Date): Promise<number> {
  const { count } = await runtime().db.acrossOrganizations.idempotencyRecord.deleteMany({
    where: { expiresAt: { lte: now } },
  });
  return count;
}
