// Whether a message may go out now: the customer has an address on its channel, and `canContact`
// says yes (consent, the contact cap, the survey cooldown). A thank-you is not marketing, so it is
// not capped, but it is still only sent where the customer agreed to hear from the organization.
import { canContact, type ContactAdvice, type ContactFacts } from '../contact/can-contact.ts';
import type { OrganizationSettings } from '../settings.ts';
import type { Channel, CustomerMessageKind, InteractionKind } from '../types.ts';
import { noConsentOn, type SkipReason } from './skip-reason.ts';

/** The interaction a sent message records (PRODUCT.md "Interactions of messages"). */
export function interactionKindOf(kind: CustomerMessageKind): InteractionKind {
  return kind === 'MEMBER_LINK' ? 'SERVICE' : kind;
}

export interface Recipient {
  email: string | null;
  phone: string | null;
}

/** Whether it may go out, and if not, the codes of what held it back (`renderSkipReason` words them). */
export interface DeliveryAdvice extends Omit<ContactAdvice, 'reasons'> {
  reasons: SkipReason[];
}

export function mayDeliver(
  message: { kind: CustomerMessageKind; channel: Channel },
  recipient: Recipient,
  facts: ContactFacts,
  settings: Pick<OrganizationSettings, 'contactCap'>,
  now: Date,
): DeliveryAdvice {
  const request = { channel: message.channel, kind: interactionKindOf(message.kind) };
  const advice = canContact(facts, request, settings.contactCap, now);
  // A held-back message keeps only the reasons that held it back: each rule asked on its own.
  const consented = { ...facts.consents, [message.channel]: true };
  const alone: ContactFacts[] = [
    { consents: facts.consents, cappedContacts: [] },
    { consents: consented, cappedContacts: facts.cappedContacts },
    { consents: consented, cappedContacts: [], surveyCooldown: facts.surveyCooldown },
  ];
  const codes = [noConsentOn(message.channel), 'CONTACT_CAP', 'SURVEY_COOLDOWN'] as const;
  const blocking: SkipReason[] = alone.flatMap((one, rule) => {
    const code = codes[rule];
    return canContact(one, request, settings.contactCap, now).allowed || code === null ? [] : [code];
  });
  let { nextAllowedAt } = advice;
  const address = message.channel === 'EMAIL' ? recipient.email : message.channel === 'SMS' ? recipient.phone : null;
  if (!address) {
    blocking.push(
      message.channel === 'EMAIL'
        ? 'NO_EMAIL_ADDRESS'
        : message.channel === 'SMS'
          ? 'NO_PHONE_NUMBER'
          : 'CHANNEL_NOT_SENT',
    );
    nextAllowedAt = null;
  }
  const noConsent = noConsentOn(message.channel);
  if (message.kind === 'THANK_YOU' && facts.consents[message.channel] !== true && noConsent) {
    blocking.push(noConsent);
    nextAllowedAt = null;
  }
  const allowed = advice.allowed && blocking.length === 0;
  return { allowed, reasons: allowed ? [] : blocking, nextAllowedAt: allowed ? now : nextAllowedAt };
}
