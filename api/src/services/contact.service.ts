// "May we contact this customer?" — asked by a partner before it sends. Consent per channel and
// the organization's contact cap, with the reasons and when the answer would be yes.
import type { AuthenticatedCaller } from '../auth/caller.ts';
import { canContact, CAPPED_KINDS, type ContactRequest } from '../domain/contact/can-contact.ts';
import { DAY_MS } from '../domain/time/duration.ts';
import { runtime, tenantDb } from '../runtime.ts';
import { resolveCustomerRef, type CustomerRef } from './customer.service.ts';
import { organizationSettings } from './organization-settings.service.ts';

export async function adviseContact(caller: AuthenticatedCaller, ref: CustomerRef, request: ContactRequest) {
  const db = tenantDb(caller);
  const customerId = await resolveCustomerRef(db, ref);
  const now = runtime().clock.now();
  const { contactCap } = await organizationSettings(caller);
  const [consents, capped] = await Promise.all([
    db.channelConsent.findMany({ where: { customerId }, select: { channel: true, granted: true } }),
    db.interaction.findMany({
      where: {
        customerId,
        direction: 'OUTBOUND',
        kind: { in: [...CAPPED_KINDS] },
        occurredAt: { gt: new Date(now.getTime() - contactCap.days * DAY_MS) },
      },
      select: { occurredAt: true },
    }),
  ]);
  return canContact(
    {
      consents: Object.fromEntries(consents.map((consent) => [consent.channel, consent.granted])),
      cappedContacts: capped.map((contact) => contact.occurredAt),
    },
    request,
    contactCap,
    now,
  );
}
