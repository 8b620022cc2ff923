// Frontline voice: a staff member (or a partner's system) worried about a customer says so. The
// worry is a churn-risk factor for 30 days and an alert to the customer's account manager, open
// until a person resolves it.
import type { AuthenticatedCaller } from '../auth/caller.ts';
import { ValidationError } from '../domain/errors.ts';
import { alertSeverity } from '../domain/alerts/alert-severity.ts';
import { runtime } from '../runtime.ts';
import { raiseOrEscalate, emitAlertNews, noNews } from './alert.service.ts';
import { resolveCustomerRef, type CustomerRef } from './customer.service.ts';
import { lockCustomers } from './ledger.service.ts';
import { organizationSettings } from './organization-settings.service.ts';
import { markForRecompute, recomputeWithinWrite } from './recompute.service.ts';
import { writeTransaction } from './transaction.service.ts';

export const MAX_CONCERN_NOTE = 500;

export async function flagConcern(caller: AuthenticatedCaller, input: { customer: CustomerRef; note: string }) {
  const note = input.note.trim();
  if (note === '' || note.length > MAX_CONCERN_NOTE)
    throw ValidationError.at(['input', 'note'], `Say what worries you in 1 to ${MAX_CONCERN_NOTE} characters.`);
  const settings = await organizationSettings(caller);
  const { organizationId } = caller;
  return writeTransaction(
    organizationId,
    async (tx) => {
      const now = runtime().clock.now();
      const customerId = await resolveCustomerRef(tx, input.customer);
      await lockCustomers(tx, organizationId, [customerId]);
      const by =
        caller.kind === 'user'
          ? await tx.user.findUniqueOrThrow({ where: { id: caller.userId }, select: { id: true, name: true } })
          : caller.kind === 'apiKey'
            ? await tx.apiKey
                .findUniqueOrThrow({ where: { id: caller.apiKeyId }, select: { name: true } })
                .then(({ name }) => ({ id: null, name }))
            : { id: null, name: 'Trofast' };
      await tx.staffConcern.create({
        data: { organizationId, customerId, flaggedById: by.id, flaggedByName: by.name, note, flaggedAt: now },
      });
      const customer = await tx.customer.findUniqueOrThrow({
        where: { id: customerId },
        select: { name: true, accountManagerId: true },
      });
      const open = await tx.alert.findFirst({
        where: { customerId, kind: 'STAFF_CONCERN', status: { not: 'RESOLVED' } },
        select: {
          id: true,
          kind: true,
          severity: true,
          status: true,
          customerId: true,
          incidentId: true,
          openKey: true,
        },
      });
      const news = noNews();
      // A second worry while the first is open renews that alert's words: one open alert per customer.
      await raiseOrEscalate(
        tx,
        organizationId,
        {
          kind: 'STAFF_CONCERN',
          customerId,
          severity: alertSeverity({ kind: 'STAFF_CONCERN' })!,
          reason: { code: 'STAFF_CONCERN', params: { customerName: customer.name, by: by.name, note } },
          causedAt: now,
          assigneeId: customer.accountManagerId,
        },
        open ?? undefined,
        now,
        news,
      );
      emitAlertNews(tx, news);
      await markForRecompute(tx, [customerId], now);
      await recomputeWithinWrite(tx, organizationId, [customerId], settings, now, { customersLocked: true });
      return tx.customer.findUniqueOrThrow({ where: { id: customerId } });
    },
    { answersRequest: true },
  );
}
