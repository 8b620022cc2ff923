// Thanking the loyal ones (PRODUCT.md): a THANK_YOU message in the customer's language with the
// organization's own words, and optional bonus points the ledger explains. The message records the
// THANK_YOU contact when it is sent, so the customer leaves "customers to thank" for 180 days.
import type { AuthenticatedCaller } from '../auth/caller.ts';
import { NotFoundError, ValidationError, type FieldError } from '../domain/errors.ts';
import { addMonthsUtc } from '../domain/time/add-months.ts';
import type { Channel } from '../domain/types.ts';
import { runtime, tenantDb } from '../runtime.ts';
import { resolveCustomerRefs, type CustomerRef } from './customer.service.ts';
import { appendEntries } from './ledger.service.ts';
import { lockCustomers } from './ledger.service.ts';
import { queueMessages } from './message.service.ts';
import { organizationSettings } from './organization-settings.service.ts';
import { recomputeWithinWrite } from './recompute.service.ts';
import { writeTransaction } from './transaction.service.ts';

export interface ThankCustomersInput {
  customers: CustomerRef[];
  channel: Channel;
  bonusPoints?: number | null;
  note?: string | null;
}

const MAX_THANKED = 1000;
const MAX_NOTE = 2000;
const MAX_BONUS = 100_000;

/** Queues the thank-yous; a customer whose thank-you is still waiting to go out gets no second one. Returns the messages' ids. */
export async function thankCustomers(caller: AuthenticatedCaller, input: ThankCustomersInput): Promise<string[]> {
  const errors: FieldError[] = [];
  const note = input.note?.trim() || null;
  const bonusPoints = input.bonusPoints ?? 0;
  if (input.customers.length === 0 || input.customers.length > MAX_THANKED)
    errors.push({ path: ['input', 'customers'], message: `Thank from 1 to ${MAX_THANKED} customers at a time.` });
  if (input.channel !== 'EMAIL' && input.channel !== 'SMS')
    errors.push({ path: ['input', 'channel'], message: 'A thank-you goes out by EMAIL or SMS.' });
  if (!Number.isInteger(bonusPoints) || bonusPoints < 0 || bonusPoints > MAX_BONUS)
    errors.push({ path: ['input', 'bonusPoints'], message: `Use a whole number from 0 to ${MAX_BONUS}.` });
  if (note && note.length > MAX_NOTE) errors.push({ path: ['input', 'note'], message: 'At most 2 000 characters.' });
  if (errors.length > 0) throw new ValidationError(errors);
  const ids = await resolveCustomerRefs(tenantDb(caller), input.customers);
  if (ids.some((id) => id === null)) throw new NotFoundError('Customer');
  const customerIds = [...new Set(ids as string[])];
  const settings = await organizationSettings(caller);
  const now = runtime().clock.now();
  return writeTransaction(
    caller.organizationId,
    async (tx) => {
      const balances = await lockCustomers(tx, caller.organizationId, customerIds);
      const waiting = await tx.message.findMany({
        where: { customerId: { in: customerIds }, kind: 'THANK_YOU', status: 'SCHEDULED' },
        select: { customerId: true },
      });
      const thanked = customerIds.filter((id) => !waiting.some((message) => message.customerId === id));
      const { tiers } = await appendEntries(
        tx,
        caller.organizationId,
        thanked.map((customerId) => ({
          customerId,
          delta: bonusPoints,
          kind: 'EARN_BONUS',
          reason: {
            code: 'EARN_BONUS',
            params: { points: bonusPoints, reason: note ?? 'thank you for being a loyal customer' },
          },
          occurredAt: now,
          expiresAt: addMonthsUtc(now, settings.loyalty.pointsExpiryMonths),
        })),
        settings,
        now,
        balances,
      );
      if (bonusPoints > 0)
        await recomputeWithinWrite(tx, caller.organizationId, thanked, settings, now, { customersLocked: true, tiers });
      return queueMessages(
        tx,
        caller.organizationId,
        thanked.map((customerId) => ({
          customerId,
          kind: 'THANK_YOU',
          channel: input.channel,
          content: { template: 'THANK_YOU', note, bonusPoints },
        })),
        now,
      );
    },
    { answersRequest: true },
  );
}
