import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../time/duration.ts';
import { invitationAnswerable } from './invitation-answerable.ts';

const now = new Date('2026-06-15T09:00:00Z');
const later = new Date(now.getTime() + 10 * DAY_MS);

describe('does the answer page take an answer?', () => {
  it('a sent invitation before it expires does', () => {
    expect(invitationAnswerable({ status: 'SENT', expiresAt: later, answeredAt: null }, now)).toEqual({
      answerable: true,
      changing: false,
      changeableUntil: null,
    });
  });

  it('an answer may be changed for 14 days, then no more', () => {
    const answeredAt = new Date(now.getTime() - 13 * DAY_MS);
    expect(invitationAnswerable({ status: 'ANSWERED', expiresAt: later, answeredAt }, now)).toEqual({
      answerable: true,
      changing: true,
      changeableUntil: new Date(answeredAt.getTime() + 14 * DAY_MS),
    });
    expect(
      invitationAnswerable({ status: 'ANSWERED', expiresAt: later, answeredAt }, new Date(now.getTime() + DAY_MS)),
    ).toEqual({ answerable: false, reason: 'CLOSED' });
  });

  it.each(['SCHEDULED', 'SKIPPED', 'CANCELLED'] as const)('a %s invitation does not', (status) => {
    expect(invitationAnswerable({ status, expiresAt: later, answeredAt: null }, now)).toEqual({
      answerable: false,
      reason: 'UNAVAILABLE',
    });
  });

  it('an expired one says so', () => {
    expect(invitationAnswerable({ status: 'SENT', expiresAt: now, answeredAt: null }, now)).toEqual({
      answerable: false,
      reason: 'EXPIRED',
    });
  });
});
