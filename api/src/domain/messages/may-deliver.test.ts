import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings.ts';
import { DAY_MS } from '../time/duration.ts';
import { interactionKindOf, mayDeliver } from './may-deliver.ts';

const now = new Date('2026-06-15T09:00:00Z');
const recipient = { email: 'sofie@example.dk', phone: null };
const consenting = { consents: { EMAIL: true }, cappedContacts: [] };

describe('may a message go out now?', () => {
  it('a survey invitation by email with consent, under the cap, outside the cooldown goes out', () => {
    const advice = mayDeliver(
      { kind: 'SURVEY_INVITE', channel: 'EMAIL' },
      recipient,
      consenting,
      DEFAULT_SETTINGS,
      now,
    );
    expect(advice).toMatchObject({ allowed: true, nextAllowedAt: now });
  });

  it('inside the survey cooldown it waits until the cooldown ends', () => {
    const lastInvitedAt = new Date(now.getTime() - 10 * DAY_MS);
    const advice = mayDeliver(
      { kind: 'SURVEY_INVITE', channel: 'EMAIL' },
      recipient,
      { ...consenting, surveyCooldown: { lastInvitedAt, days: 30 } },
      DEFAULT_SETTINGS,
      now,
    );
    expect(advice.allowed).toBe(false);
    expect(advice.nextAllowedAt).toEqual(new Date(now.getTime() + 20 * DAY_MS));
    expect(advice.reasons).toEqual(['SURVEY_COOLDOWN']);
  });

  it('without an address on the channel nothing goes out, and time alone never changes that', () => {
    const advice = mayDeliver({ kind: 'SERVICE', channel: 'SMS' }, recipient, consenting, DEFAULT_SETTINGS, now);
    expect(advice).toMatchObject({ allowed: false, nextAllowedAt: null });
    expect(advice.reasons).toContain('NO_PHONE_NUMBER');
  });

  it('a thank-you is not capped but needs consent on its channel', () => {
    const full = { consents: { EMAIL: true }, cappedContacts: Array(4).fill(now) };
    expect(mayDeliver({ kind: 'THANK_YOU', channel: 'EMAIL' }, recipient, full, DEFAULT_SETTINGS, now).allowed).toBe(
      true,
    );
    expect(
      mayDeliver(
        { kind: 'THANK_YOU', channel: 'EMAIL' },
        recipient,
        { consents: {}, cappedContacts: [] },
        DEFAULT_SETTINGS,
        now,
      ).allowed,
    ).toBe(false);
  });

  it('a held-back invitation keeps only the reasons that held it back', () => {
    const advice = mayDeliver(
      { kind: 'SURVEY_INVITE', channel: 'EMAIL' },
      recipient,
      { consents: {}, cappedContacts: Array(4).fill(now) },
      DEFAULT_SETTINGS,
      now,
    );
    expect(advice.reasons).toEqual(['NO_CONSENT_EMAIL', 'CONTACT_CAP']);
  });

  it('a member link records a service contact', () => {
    expect(interactionKindOf('MEMBER_LINK')).toBe('SERVICE');
    expect(interactionKindOf('SURVEY_INVITE')).toBe('SURVEY_INVITE');
  });
});
