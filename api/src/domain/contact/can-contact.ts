// Use channels with care: only contact customers where it adds value to them. Marketing and
// survey invitations need consent on their channel and count against a frequency cap; service,
// check-ins, thank-yous and the customer's own contacts never do. Recorded interactions are facts
// and are stored regardless: this only advises a partner before it sends.
import type { OrganizationSettings } from '../settings.ts';
import type { Channel, Direction, InteractionKind } from '../types.ts';
import { formatterFor } from '../locale/format.ts';
import { DAY_MS, isWithinDays } from '../time/duration.ts';

export interface ContactFacts {
  /** Consent per channel; a channel not listed has no consent. */
  consents: Partial<Record<Channel, boolean>>;
  /** When each outbound MARKETING or SURVEY_INVITE contact happened, on any channel: at least the cap's window. */
  cappedContacts: readonly Date[];
  /** A survey invitation asks the survey cooldown too: when the last one went out, and the cooldown. */
  surveyCooldown?: { lastInvitedAt: Date | null; days: number };
}

export interface ContactRequest {
  channel: Channel;
  kind: InteractionKind;
  /** Default OUTBOUND: the question is whether we may reach out. */
  direction?: Direction;
}

export interface ContactAdvice {
  allowed: boolean;
  /** Plain English sentences, one per rule applied. */
  reasons: string[];
  /**
   * When the answer would be yes: `now` when it is; the moment enough capped contacts leave the
   * window when only the cap says no; null when consent is missing (time alone never gives it).
   */
  nextAllowedAt: Date | null;
}

/** The kinds that need consent on their channel and count against the cap. */
export const CAPPED_KINDS: readonly InteractionKind[] = ['MARKETING', 'SURVEY_INVITE'];

const BY_CHANNEL: Record<Channel, string> = {
  EMAIL: 'by email',
  SMS: 'by SMS',
  PHONE: 'by phone',
  MEETING: 'in meetings',
  CHAT: 'by chat',
  STORE: 'in the store',
  WEB: 'on the web',
  APP: 'in the app',
};

const UNCAPPED: Record<Exclude<InteractionKind, 'MARKETING' | 'SURVEY_INVITE'>, string> = {
  SERVICE: 'Service contacts need no consent and are never capped.',
  CHECK_IN: 'A check-in needs no consent and does not count against the contact cap.',
  THANK_YOU: 'A thank-you needs no consent and does not count against the contact cap.',
  OTHER: 'This kind of contact needs no consent and does not count against the contact cap.',
};

const isCapped = (kind: InteractionKind): kind is 'MARKETING' | 'SURVEY_INVITE' => CAPPED_KINDS.includes(kind);

export function canContact(
  facts: ContactFacts,
  request: ContactRequest,
  cap: OrganizationSettings['contactCap'],
  now: Date,
): ContactAdvice {
  if ((request.direction ?? 'OUTBOUND') === 'INBOUND') {
    return {
      allowed: true,
      reasons: ['A contact from the customer needs no consent and is never capped.'],
      nextAllowedAt: now,
    };
  }
  if (!isCapped(request.kind)) return { allowed: true, reasons: [UNCAPPED[request.kind]], nextAllowedAt: now };

  const reasons: string[] = [];
  const consented = facts.consents[request.channel] === true;
  reasons.push(
    consented
      ? `The customer has consented to contact ${BY_CHANNEL[request.channel]}.`
      : `The customer has not consented to marketing or survey invitations ${BY_CHANNEL[request.channel]}.`,
  );

  const inWindow = facts.cappedContacts
    .filter((occurredAt) => isWithinDays(occurredAt, cap.days, now))
    .sort((a, b) => a.getTime() - b.getTime());
  const used = `${inWindow.length} of ${cap.max} marketing and survey contacts in the last ${cap.days} days`;
  const underCap = inWindow.length < cap.max;
  let capFreeAt: Date | null = now;
  if (underCap) {
    reasons.push(`${used}.`);
  } else {
    // Enough contacts must leave the window to bring the count below the cap again.
    const leaving = inWindow[inWindow.length - cap.max];
    capFreeAt = leaving === undefined ? null : new Date(leaving.getTime() + cap.days * DAY_MS);
    reasons.push(
      capFreeAt === null
        ? `${used}: the organization allows none.`
        : `${used}: the cap is reached until ${formatterFor('EN').dateTime(capFreeAt)}.`,
    );
  }

  let cooledAt: Date = now;
  const cooldown = request.kind === 'SURVEY_INVITE' ? facts.surveyCooldown : undefined;
  if (cooldown?.lastInvitedAt) {
    const until = new Date(cooldown.lastInvitedAt.getTime() + cooldown.days * DAY_MS);
    if (until > now) {
      cooledAt = until;
      reasons.push(
        `The customer was invited to a survey less than ${cooldown.days} days ago: the next invitation may go out from ${formatterFor('EN').dateTime(until)}.`,
      );
    }
  }
  const cooling = cooledAt > now;
  const nextAllowedAt =
    consented && capFreeAt !== null ? new Date(Math.max(capFreeAt.getTime(), cooledAt.getTime())) : null;
  return { allowed: consented && underCap && !cooling, reasons, nextAllowedAt };
}
