// Every write runs in writeTransaction: the one path that makes a change exactly once, tells
// everyone of it, and never deadlocks into an error.
// - It claims the request's idempotency key first and commits what the write returned with the
//   effect (idempotency.service.ts), so a retry after a crash finds the answer or runs once.
// - It appends the change's events (emit) to the organization's log last, under the
//   organization's sequence row: events commit in the order of their `seq`, with no gap.
// - A deadlock or serialization failure that still happens runs the transaction again (bounded,
//   with jitter); if it keeps failing the caller gets a RetryableError.
// - Inside a request that writes (a mutation by staff, a key or a member), it stores the request's
//   audit entry with the records the write changed (audit.service.ts), in the same transaction.
// - Once committed, it wakes the API instances to read the log (runtime().events).
//
// THE LOCK ORDER. Every write path takes its row locks in this order, so writers queue instead of
// deadlocking:
//   1. the request's idempotency record (claimIn, the first statement);
//   2. customers, in id order (lockCustomers), before any row that refers to them is written;
//   3. the one incident, redemption or reward the write changes;
//   4. alerts (the recompute, which holds its customers' locks);
//   5. the organization's event sequence (appendEvents, the last statement before commit).
import { Prisma } from '../generated/prisma/client.ts';
import type { TenantTx } from '../db/client.ts';
import { isDatabaseTimeout, isWriteConflict } from '../db/errors.ts';
import { RetryableError, ValidationError } from '../domain/errors.ts';
import { runtime } from '../runtime.ts';
import { claimIn, completeIn, KEY_CONFLICT, KeyTaken, keyState, requestKeys } from './idempotency.service.ts';
import { appendEvents, collectEvents, eventsRecorded, forgetEventsAfter } from './event-log.service.ts';
import { appendAuditEntry } from './audit.service.ts';
import { auditScopes, changedRecords, noChanges } from '../db/changes.ts';

const ATTEMPTS = 5;
/** Longer than any write takes; the recompute job's batches included. */
const TRANSACTION_TIMEOUT_MS = 60_000;
/** How long a write may wait for a pooled connection: under a burst, writers queue rather than fail. */
const CONNECTION_WAIT_MS = 10_000;

export interface WriteOptions {
  /** This transaction is the effect of the request now running: it claims the request's idempotency key. */
  answersRequest?: boolean;
}

const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * 25 * 2 ** attempt));

/** Runs `work` in a transaction of the organization, as the header of this file says. */
export async function writeTransaction<T>(
  organizationId: string,
  work: (tx: TenantTx) => Promise<T>,
  options: WriteOptions = {},
): Promise<T> {
  const { db, clock, events } = runtime();
  const request = options.answersRequest ? requestKeys.getStore() : undefined;
  const audit = auditScopes.getStore();
  // A retry after a crash: the first call's effect is committed; its result is the answer.
  if (request?.committed) return request.committed.result as T;
  for (let attempt = 1; ; attempt++) {
    const now = clock.now();
    let appended = 0;
    try {
      // The attempt's own notes of what it changed: a retry starts them anew.
      const changed = noChanges();
      const result = await changedRecords.run(changed, () =>
        db.forOrganization(organizationId).$transaction(
          async (tx) => {
            const pending = collectEvents(tx);
            const recordId = request ? await claimIn(tx, request.claim, now) : undefined;
            const value = await work(tx);
            if (recordId) await completeIn(tx, recordId, value, now);
            if (audit) await appendAuditEntry(tx, audit, changed.targets, pending, now);
            await appendEvents(tx, organizationId, pending, clock.now());
            appended = pending.length;
            return value;
          },
          { timeout: TRANSACTION_TIMEOUT_MS, maxWait: CONNECTION_WAIT_MS },
        ),
      );
      if (appended > 0) events.wake(organizationId);
      return result;
    } catch (error) {
      if (error instanceof KeyTaken) {
        const state = await keyState(request!.claim);
        if (state.kind === 'conflict') throw ValidationError.at(['idempotencyKey'], KEY_CONFLICT);
        if (state.kind === 'committed') return state.result as T;
        // The first call committed and has answered already: its committed result is this call's too.
        if (state.kind === 'answered' && 'result' in state) return state.result as T;
        // The record expired in between: run as the key's first call.
        if (state.kind === 'new' && attempt < ATTEMPTS) continue;
        throw new RetryableError(
          'A request with this idempotency key has just answered; send it again to get its answer.',
          1,
        );
      }
      if (isDatabaseTimeout(error)) {
        throw new RetryableError('The database did not answer in time; nothing was changed. Try again.', 5);
      }
      if (!isWriteConflict(error)) throw error;
      if (attempt >= ATTEMPTS) {
        throw new RetryableError(
          'Other writes to the same records kept this one waiting; nothing was changed. Try again.',
          1,
        );
      }
      await pause(attempt);
    }
  }
}

/**
 * Runs `work` (started by a request, e.g. an import's batches) outside the request: its writes
 * neither claim the request's idempotency key nor are audited as the request's.
 */
export function outsideRequest<T>(work: () => Promise<T>): Promise<T> {
  return requestKeys.exit(() => auditScopes.exit(() => changedRecords.exit(work)));
}

/**
 * Runs `work` in the transaction under a savepoint. If it throws, what it wrote and the events it
 * recorded (and the records it noted as changed) are undone and its error returned: the transaction goes on, and commits the rest.
 * A savepoint left in place is released by the commit, so success costs one statement.
 */
export async function underSavepoint<T>(
  tx: TenantTx,
  work: () => Promise<T>,
): Promise<{ value: T } | { error: unknown }> {
  const mark = eventsRecorded(tx);
  const changed = changedRecords.getStore()?.targets;
  const changedMark = changed?.length ?? 0;
  await tx.$executeRaw(Prisma.raw('SAVEPOINT undo_on_failure'));
  try {
    return { value: await work() };
  } catch (error) {
    await tx.$executeRaw(Prisma.raw('ROLLBACK TO SAVEPOINT undo_on_failure'));
    forgetEventsAfter(tx, mark);
    changed?.splice(changedMark);
    return { error };
  }
}
