// "May we contact this customer?" — asked by a partner before it sends. Consent per channel and
// the organization's contact cap, with the reasons and when the answer would be yes.
import type { AuthenticatedCaller } from '../auth/caller.ts';
import { canContact, CAPPED_KINDS, type ContactRequest } from '../domain/contact/can-contact.ts';
import { DAY_MS } from '../domain/time/duration.ts';
import type { OrganizationSettings } from '../domain/settings.ts';
import type { ContactFacts } from '../domain/contact/can-contact.ts';
import { runtime, tenantDb, type TenantDbLike } from '../runtime.ts';
import { resolveCustomerRef, type CustomerRef } from './customer.service.ts';
import { organizationSettings } from './organization-settings.service.ts';

/** What `canContact` reads about one customer: consents, capped contacts in the cap's window, the last survey invitation. */
export async function contactFacts(
  db: TenantDbLike,
  customerId: string,
  settings: Pick<OrganizationSettings, 'contactCap' | 'surveyTriggers'>,
  now: Date,
): Promise<ContactFacts> {
  const [consents, capped, lastInvitation] = await Promise.all([
    db.channelConsent.findMany({ where: { customerId }, select: { channel: true, granted: true } }),
    db.interaction.findMany({
      where: {
        customerId,
        direction: 'OUTBOUND',
        kind: { in: [...CAPPED_KINDS] },
        occurredAt: { gt: new Date(now.getTime() - settings.contactCap.days * DAY_MS) },
      },
      select: { occurredAt: true },
    }),
    db.surveyInvitation.findFirst({
      where: { customerId, sentAt: { not: null } },
      orderBy: { sentAt: 'desc' },
      select: { sentAt: true },
    }),
  ]);
  return {
    consents: Object.fromEntries(consents.map((consent) => [consent.channel, consent.granted])),
    cappedContacts: capped.map((contact) => contact.occurredAt),
    surveyCooldown: { lastInvitedAt: lastInvitation?.sentAt ?? null, days: settings.surveyTriggers.surveyCooldownDays },
  };
}

export async function adviseContact(caller: AuthenticatedCaller, ref: CustomerRef, request: ContactRequest) {
  const db = tenantDb(caller);
  const customerId = await resolveCustomerRef(db, ref);
  const now = runtime().clock.now();
  const settings = await organizationSettings(caller);
  return canContact(await contactFacts(db, customerId, settings, now), request, settings.contactCap, now);
}
