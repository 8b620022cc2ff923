// Whether a message may go out now: the customer has an address on its channel, and `canContact`
// says yes (consent, the contact cap, the survey cooldown). A thank-you is not marketing, so it is
// not capped, but it is still only sent where the customer agreed to hear from the organization.
import { canContact, type ContactAdvice, type ContactFacts } from '../contact/can-contact.ts';
import type { OrganizationSettings } from '../settings.ts';
import type { Channel, CustomerMessageKind, InteractionKind } from '../types.ts';

/** The interaction a sent message records (PRODUCT.md "Interactions of messages"). */
export function interactionKindOf(kind: CustomerMessageKind): InteractionKind {
  return kind === 'MEMBER_LINK' ? 'SERVICE' : kind;
}

export interface Recipient {
  email: string | null;
  phone: string | null;
}

export function mayDeliver(
  message: { kind: CustomerMessageKind; channel: Channel },
  recipient: Recipient,
  facts: ContactFacts,
  settings: Pick<OrganizationSettings, 'contactCap'>,
  now: Date,
): ContactAdvice {
  const request = { channel: message.channel, kind: interactionKindOf(message.kind) };
  const advice = canContact(facts, request, settings.contactCap, now);
  // A held-back message keeps only the reasons that held it back: each rule asked on its own.
  const consented = { ...facts.consents, [message.channel]: true };
  const alone: ContactFacts[] = [
    { consents: facts.consents, cappedContacts: [] },
    { consents: consented, cappedContacts: facts.cappedContacts },
    { consents: consented, cappedContacts: [], surveyCooldown: facts.surveyCooldown },
  ];
  const blocking = alone.flatMap((one, rule) => {
    const verdict = canContact(one, request, settings.contactCap, now);
    return verdict.allowed ? [] : [verdict.reasons[rule]];
  });
  let { nextAllowedAt } = advice;
  const address = message.channel === 'EMAIL' ? recipient.email : message.channel === 'SMS' ? recipient.phone : null;
  if (!address) {
    blocking.push(
      message.channel === 'EMAIL' || message.channel === 'SMS'
        ? `The customer has no ${message.channel === 'EMAIL' ? 'email address' : 'phone number'}.`
        : `Trofast sends messages by email or SMS, not ${message.channel}.`,
    );
    nextAllowedAt = null;
  }
  if (message.kind === 'THANK_YOU' && facts.consents[message.channel] !== true) {
    blocking.push(
      `The customer has not agreed to hear from the organization ${message.channel === 'SMS' ? 'by SMS' : 'by email'}.`,
    );
    nextAllowedAt = null;
  }
  const allowed = advice.allowed && blocking.length === 0;
  return { allowed, reasons: allowed ? advice.reasons : blocking, nextAllowedAt: allowed ? now : nextAllowedAt };
}
