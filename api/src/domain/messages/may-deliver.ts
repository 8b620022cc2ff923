// Whether a message may go out now: the customer has an address on its channel, and `canContact`
// says yes (consent, the contact cap, the survey cooldown). A thank-you is not marketing, so it is
// not capped, but it is still only sent where the customer agreed to hear from the organization.
import { canContact, type ContactAdvice, type ContactFacts } from '../contact/can-contact.ts';
import type { OrganizationSettings } from '../settings.ts';
import type { Channel, InteractionKind, MessageKind } from '../types.ts';

/** The interaction a sent message records (PRODUCT.md "Interactions of messages"). */
export function interactionKindOf(kind: MessageKind): InteractionKind {
  return kind === 'MEMBER_LINK' ? 'SERVICE' : kind;
}

export interface Recipient {
  email: string | null;
  phone: string | null;
}

export function mayDeliver(
  message: { kind: MessageKind; channel: Channel },
  recipient: Recipient,
  facts: ContactFacts,
  settings: Pick<OrganizationSettings, 'contactCap'>,
  now: Date,
): ContactAdvice {
  const advice = canContact(
    facts,
    { channel: message.channel, kind: interactionKindOf(message.kind) },
    settings.contactCap,
    now,
  );
  const reasons = [...advice.reasons];
  let { allowed, nextAllowedAt } = advice;
  const address = message.channel === 'EMAIL' ? recipient.email : message.channel === 'SMS' ? recipient.phone : null;
  if (!address) {
    reasons.push(
      message.channel === 'EMAIL' || message.channel === 'SMS'
        ? `The customer has no ${message.channel === 'EMAIL' ? 'email address' : 'phone number'}.`
        : `Trofast sends messages by email or SMS, not ${message.channel}.`,
    );
    allowed = false;
    nextAllowedAt = null;
  }
  if (message.kind === 'THANK_YOU' && facts.consents[message.channel] !== true) {
    reasons.push(
      `The customer has not agreed to hear from the organization ${message.channel === 'SMS' ? 'by SMS' : 'by email'}.`,
    );
    allowed = false;
    nextAllowedAt = null;
  }
  return { allowed, reasons, nextAllowedAt };
}
