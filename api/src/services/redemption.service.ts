// Spending points: redeeming a reward, cancelling a redemption (a refund, exactly once) and a
// manager's correction. Every change is one transaction that locks the customer (the ledger's
// lock) before the redemption or the reward's stock, in the lock order of transaction.service.ts,
// so writers queue and never deadlock, and no balance is overdrawn and no stock oversold.
import { randomUUID } from 'node:crypto';
import { Prisma } from '../generated/prisma/client.ts';
import type { AuthenticatedCaller } from '../auth/caller.ts';
import type { TenantTx } from '../db/client.ts';
import {
  FieldErrors,
  InsufficientPointsError,
  NotFoundError,
  OutOfStockError,
  TierTooLowError,
  ValidationError,
} from '../domain/errors.ts';
import { isTierAtLeast } from '../domain/points/tier-for-points.ts';
import { addMonthsUtc } from '../domain/time/add-months.ts';
import type { OrganizationSettings } from '../domain/settings.ts';
import { runtime, tenantDb } from '../runtime.ts';
import { resolveCustomerRef, type CustomerRef } from './customer.service.ts';
import { markForRecompute, recomputeWithinWrite } from './recompute.service.ts';
import { appendEntries, lockCustomers, updateTiers } from './ledger.service.ts';
import { emit } from './event-log.service.ts';
import { writeTransaction } from './transaction.service.ts';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { organizationSettings } from './organization-settings.service.ts';
import { expireDueLots } from './points-expiry.service.ts';

export interface RedeemRewardInput {
  customer: CustomerRef;
  rewardId: string;
}

export interface CancelRedemptionInput {
  id: string;
  reason?: string | null;
}

export interface AdjustPointsInput {
  customer: CustomerRef;
  delta: number;
  reason: string;
}

const MAX_REASON = 500;
const MAX_ADJUSTMENT = 1_000_000;

interface Spend {
  tx: TenantTx;
  customerId: string;
  settings: OrganizationSettings;
  now: Date;
}

/**
 * Runs a spend of the customer's points in a transaction that holds the customer's lock. A spend
 * counts only unexpired points. Their expiry is written first in a transaction of its own, so it
 * stays even when the spend fails for want of points, and again under the spend's lock, for a lot
 * that came due in between (a back-dated import), so the lots always hold the balance.
 */
async function spending<T>(caller: AuthenticatedCaller, ref: CustomerRef, spend: (at: Spend) => Promise<T>) {
  const db = tenantDb(caller);
  const customerId = await resolveCustomerRef(db, ref);
  const settings = await organizationSettings(caller);
  const now = runtime().clock.now();
  const expire = (tx: TenantTx) => expireDueLots(tx, caller.organizationId, [customerId], settings, now);
  // Most spends find nothing due: they skip a second wait for the customer's lock.
  const due = await db.pointsLot.count({ where: { customerId, remaining: { gt: 0 }, expiresAt: { lte: now } } });
  if (due > 0) await writeTransaction(caller.organizationId, expire);
  const spent = await writeTransaction(
    caller.organizationId,
    async (tx) => {
      await lockCustomers(tx, caller.organizationId, [customerId]);
      await expire(tx);
      const result = await spend({ tx, customerId, settings, now });
      await markForRecompute(tx, [customerId], now);
      // A redemption counts toward engagement.
      await recomputeWithinWrite(tx, caller.organizationId, [customerId], settings, now, { customersLocked: true });
      return result;
    },
    { answersRequest: true },
  );
  return spent;
}

export async function redeemReward(caller: AuthenticatedCaller, input: RedeemRewardInput) {
  return spending(caller, input.customer, async ({ tx, customerId, settings, now }) => {
    const reward = await tx.reward.findUnique({ where: { id: input.rewardId } });
    if (!reward) throw new NotFoundError('Reward');
    if (!reward.active) throw ValidationError.at(['input', 'rewardId'], `${reward.name} is not offered any more.`);
    // The customer is locked: their tier and balance stay as read until the transaction ends. The
    // tier is the rule applied now, not the stored one, which waits for the background job when
    // earnings leave the 12 months.
    const tier = (await updateTiers(tx, caller.organizationId, [customerId], settings, now)).get(customerId)!.tier;
    const { pointsBalance } = await tx.customer.findUniqueOrThrow({
      where: { id: customerId },
      select: { pointsBalance: true },
    });
    if (!isTierAtLeast(tier, reward.minimumTier)) throw new TierTooLowError(reward.minimumTier, tier);
    if (pointsBalance < reward.pointsCost) throw new InsufficientPointsError(pointsBalance, reward.pointsCost);
    if (reward.stock !== null) {
      // A conditional update: of two concurrent redemptions of the last one, the second waits for
      // the first's row lock, then finds stock 0 and takes nothing. Unlimited rewards take no lock.
      const taken = await tx.$executeRaw(Prisma.sql`
        UPDATE "Reward" SET stock = stock - 1
        WHERE id = ${reward.id} AND "organizationId" = ${caller.organizationId} AND stock > 0`);
      if (taken === 0) throw new OutOfStockError(reward.name);
    }
    const id = randomUUID();
    const redemption = await tx.redemption.create({
      data: {
        id,
        organizationId: caller.organizationId,
        customerId,
        rewardId: reward.id,
        points: reward.pointsCost,
        createdAt: now,
      },
    });
    await appendEntries(
      tx,
      caller.organizationId,
      [
        {
          customerId,
          delta: -reward.pointsCost,
          kind: 'REDEEM',
          reason: { code: 'REDEEM', params: { points: reward.pointsCost, rewardName: reward.name } },
          occurredAt: now,
          redemptionId: id,
        },
      ],
      settings,
      now,
    );
    emitRedemptionChanged(tx, redemption);
    return redemption;
  });
}

function emitRedemptionChanged(
  tx: TenantTx,
  redemption: { id: string; customerId: string; rewardId: string; status: string; points: number },
): void {
  emit(tx, 'redemption.changed', {
    redemption: encodeGlobalID('Redemption', redemption.id),
    customer: encodeGlobalID('Customer', redemption.customerId),
    reward: encodeGlobalID('Reward', redemption.rewardId),
    status: redemption.status,
    points: redemption.points,
  });
}

export async function cancelRedemption(caller: AuthenticatedCaller, input: CancelRedemptionInput) {
  const problems = new FieldErrors();
  const reason = input.reason?.trim() || null;
  if (reason && reason.length > MAX_REASON) problems.add(['input', 'reason'], `At most ${MAX_REASON} characters.`);
  problems.throwIfAny();
  const settings = await organizationSettings(caller);
  const now = runtime().clock.now();
  const cancelled = await writeTransaction(
    caller.organizationId,
    async (tx) => {
      const owner = await tx.redemption.findUnique({ where: { id: input.id }, select: { customerId: true } });
      if (!owner) throw new NotFoundError('Redemption');
      await lockCustomers(tx, caller.organizationId, [owner.customerId]);
      // Only a FULFILLED redemption changes: of concurrent cancels, the first takes the row and the
      // others, once it commits, find it CANCELLED and refund nothing.
      const [cancelled] = await tx.redemption.updateManyAndReturn({
        where: { id: input.id, status: 'FULFILLED' },
        data: { status: 'CANCELLED', cancelledAt: now, cancelReason: reason },
        include: { reward: { select: { name: true } } },
      });
      if (!cancelled) {
        throw ValidationError.at(
          ['input', 'id'],
          'This redemption is already cancelled; its points were refunded then.',
        );
      }
      await appendEntries(
        tx,
        caller.organizationId,
        [
          {
            customerId: cancelled.customerId,
            delta: cancelled.points,
            kind: 'REFUND',
            reason: { code: 'REFUND', params: { points: cancelled.points, rewardName: cancelled.reward.name } },
            occurredAt: now,
            // Never later than the spent points would have expired: they were earned before the redemption.
            expiresAt: addMonthsUtc(cancelled.createdAt, settings.loyalty.pointsExpiryMonths),
            redemptionId: cancelled.id,
          },
        ],
        settings,
        now,
      );
      await tx.$executeRaw(Prisma.sql`
      UPDATE "Reward" SET stock = stock + 1
      WHERE id = ${cancelled.rewardId} AND "organizationId" = ${caller.organizationId} AND stock IS NOT NULL`);
      await markForRecompute(tx, [cancelled.customerId], now);
      await recomputeWithinWrite(tx, caller.organizationId, [cancelled.customerId], settings, now, {
        customersLocked: true,
      });
      emitRedemptionChanged(tx, cancelled);
      return cancelled;
    },
    { answersRequest: true },
  );
  return cancelled;
}

/** A manager's correction, explained by their reason; it never takes a balance below zero. */
export async function adjustPoints(caller: AuthenticatedCaller, input: AdjustPointsInput) {
  const problems = new FieldErrors();
  const reason = input.reason.trim();
  if (!Number.isInteger(input.delta) || input.delta === 0 || Math.abs(input.delta) > MAX_ADJUSTMENT)
    problems.add(
      ['input', 'delta'],
      `Adjust by a whole number of points other than 0, at most ${MAX_ADJUSTMENT} either way.`,
    );
  if (reason === '' || reason.length > MAX_REASON)
    problems.add(['input', 'reason'], `Say why, in 1 to ${MAX_REASON} characters: the customer reads it.`);
  problems.throwIfAny();
  return spending(caller, input.customer, async ({ tx, customerId, settings, now }) => {
    const {
      entryIds: [entryId],
    } = await appendEntries(
      tx,
      caller.organizationId,
      [
        {
          customerId,
          delta: input.delta,
          kind: 'ADJUST',
          reason: { code: 'ADJUST', params: { points: input.delta, reason } },
          occurredAt: now,
          // Points given expire like earned ones.
          expiresAt: input.delta > 0 ? addMonthsUtc(now, settings.loyalty.pointsExpiryMonths) : null,
        },
      ],
      settings,
      now,
    );
    return tx.pointsEntry.findUniqueOrThrow({ where: { id: entryId } });
  });
}
