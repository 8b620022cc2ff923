import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings.ts';
import { DAY_MS } from '../time/duration.ts';
import { canContact, type ContactAdvice, type ContactFacts, type ContactRequest } from './can-contact.ts';

const cap = DEFAULT_SETTINGS.contactCap;
const now = new Date('2026-06-15T12:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
const daysAhead = (days: number) => new Date(now.getTime() + days * DAY_MS);

const consenting: ContactFacts = { consents: { EMAIL: true, SMS: false }, cappedContacts: [] };
const marketingEmail: ContactRequest = { channel: 'EMAIL', kind: 'MARKETING' };

describe('may we contact the customer?', () => {
  it.each<[string, ContactFacts, ContactRequest, ContactAdvice]>([
    [
      'marketing by email with consent and no recent contacts is allowed',
      consenting,
      marketingEmail,
      {
        allowed: true,
        reasons: [
          'The customer has consented to contact by email.',
          '0 of 4 marketing and survey contacts in the last 30 days.',
        ],
        nextAllowedAt: now,
      },
    ],
    [
      'marketing by SMS without consent is refused, and time alone never allows it',
      consenting,
      { channel: 'SMS', kind: 'MARKETING' },
      {
        allowed: false,
        reasons: [
          'The customer has not consented to marketing or survey invitations by SMS.',
          '0 of 4 marketing and survey contacts in the last 30 days.',
        ],
        nextAllowedAt: null,
      },
    ],
    [
      'a survey invitation on a channel never asked about is refused',
      consenting,
      { channel: 'PHONE', kind: 'SURVEY_INVITE' },
      {
        allowed: false,
        reasons: [
          'The customer has not consented to marketing or survey invitations by phone.',
          '0 of 4 marketing and survey contacts in the last 30 days.',
        ],
        nextAllowedAt: null,
      },
    ],
    [
      'a fourth marketing contact in 30 days is still allowed',
      { ...consenting, cappedContacts: [daysAgo(1), daysAgo(10), daysAgo(29)] },
      marketingEmail,
      {
        allowed: true,
        reasons: [
          'The customer has consented to contact by email.',
          '3 of 4 marketing and survey contacts in the last 30 days.',
        ],
        nextAllowedAt: now,
      },
    ],
    [
      'a fifth is refused until the oldest leaves the 30 days',
      { ...consenting, cappedContacts: [daysAgo(1), daysAgo(10), daysAgo(29), daysAgo(20)] },
      marketingEmail,
      {
        allowed: false,
        reasons: [
          'The customer has consented to contact by email.',
          '4 of 4 marketing and survey contacts in the last 30 days: the cap is reached until 16 Jun 2026, 12:00 UTC.',
        ],
        nextAllowedAt: daysAhead(1),
      },
    ],
    [
      'a contact exactly 30 days old no longer counts',
      { ...consenting, cappedContacts: [daysAgo(1), daysAgo(10), daysAgo(30), daysAgo(20)] },
      marketingEmail,
      {
        allowed: true,
        reasons: [
          'The customer has consented to contact by email.',
          '3 of 4 marketing and survey contacts in the last 30 days.',
        ],
        nextAllowedAt: now,
      },
    ],
    [
      'over the cap, enough contacts must leave to get below it again',
      { ...consenting, cappedContacts: [1, 2, 3, 5, 8, 13].map(daysAgo) },
      marketingEmail,
      {
        allowed: false,
        reasons: [
          'The customer has consented to contact by email.',
          '6 of 4 marketing and survey contacts in the last 30 days: the cap is reached until 10 Jul 2026, 12:00 UTC.',
        ],
        nextAllowedAt: daysAhead(25),
      },
    ],
    [
      'without consent and over the cap, only consent can change the answer',
      { ...consenting, cappedContacts: [1, 2, 3, 4].map(daysAgo) },
      { channel: 'SMS', kind: 'SURVEY_INVITE' },
      {
        allowed: false,
        reasons: [
          'The customer has not consented to marketing or survey invitations by SMS.',
          '4 of 4 marketing and survey contacts in the last 30 days: the cap is reached until 11 Jul 2026, 12:00 UTC.',
        ],
        nextAllowedAt: null,
      },
    ],
    [
      'a service contact is never capped and needs no consent',
      { consents: {}, cappedContacts: [1, 2, 3, 4, 5].map(daysAgo) },
      { channel: 'SMS', kind: 'SERVICE' },
      { allowed: true, reasons: ['Service contacts need no consent and are never capped.'], nextAllowedAt: now },
    ],
    [
      'a thank-you needs no consent',
      { consents: {}, cappedContacts: [1, 2, 3, 4, 5].map(daysAgo) },
      { channel: 'PHONE', kind: 'THANK_YOU' },
      {
        allowed: true,
        reasons: ['A thank-you needs no consent and does not count against the contact cap.'],
        nextAllowedAt: now,
      },
    ],
    [
      'a check-in needs no consent',
      { consents: {}, cappedContacts: [] },
      { channel: 'MEETING', kind: 'CHECK_IN' },
      {
        allowed: true,
        reasons: ['A check-in needs no consent and does not count against the contact cap.'],
        nextAllowedAt: now,
      },
    ],
    [
      'a contact from the customer is always fine, whatever its kind',
      { consents: {}, cappedContacts: [1, 2, 3, 4, 5].map(daysAgo) },
      { channel: 'EMAIL', kind: 'MARKETING', direction: 'INBOUND' },
      {
        allowed: true,
        reasons: ['A contact from the customer needs no consent and is never capped.'],
        nextAllowedAt: now,
      },
    ],
  ])('%s', (_name, facts, request, expected) => {
    expect(canContact(facts, request, cap, now)).toEqual(expected);
  });

  it('follows the organization’s cap: at most 1 in 7 days', () => {
    expect(
      canContact({ ...consenting, cappedContacts: [daysAgo(2)] }, marketingEmail, { max: 1, days: 7 }, now),
    ).toEqual({
      allowed: false,
      reasons: [
        'The customer has consented to contact by email.',
        '1 of 1 marketing and survey contacts in the last 7 days: the cap is reached until 20 Jun 2026, 12:00 UTC.',
      ],
      nextAllowedAt: daysAhead(5),
    });
  });

  it('an organization that allows no marketing contacts never allows one', () => {
    const advice = canContact(consenting, marketingEmail, { max: 0, days: 30 }, now);
    expect([advice.allowed, advice.nextAllowedAt, advice.reasons[1]]).toEqual([
      false,
      null,
      '0 of 0 marketing and survey contacts in the last 30 days: the organization allows none.',
    ]);
  });
});
