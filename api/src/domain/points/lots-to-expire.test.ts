import { describe, expect, it } from 'vitest';
import { lotsToExpire } from './lots-to-expire.ts';

const now = new Date('2026-06-15T12:00:00.000Z');
const lot = (id: string, remaining: number, expiresAt: string | null) => ({
  id,
  remaining,
  expiresAt: expiresAt === null ? null : new Date(expiresAt),
  earnedAt: new Date('2024-01-01T00:00:00.000Z'),
  purchaseId: `purchase-${id}`,
});

describe('expiring points as time passes', () => {
  it.each([
    [
      'a lot expiring exactly now expires with what remains of it',
      [lot('a', 80, '2026-06-15T12:00:00.000Z')],
      ['a:80'],
    ],
    ['a lot expiring a millisecond from now does not expire yet', [lot('a', 80, '2026-06-15T12:00:00.001Z')], []],
    ['an expired lot with nothing left needs no entry', [lot('a', 0, '2026-01-01T00:00:00.000Z')], []],
    ['points that never expire never do', [lot('a', 80, null)], []],
    [
      'several expired lots expire oldest first',
      [lot('b', 5, '2026-06-01T00:00:00.000Z'), lot('a', 7, '2026-05-01T00:00:00.000Z')],
      ['a:7', 'b:5'],
    ],
  ])('%s', (_name, lots, expected) => {
    expect(lotsToExpire(lots, now).map((expiry) => `${expiry.lot.id}:${expiry.points}`)).toEqual(expected);
  });

  it('gives the caller its own lot back, with the purchase the sentence names', () => {
    expect(lotsToExpire([lot('a', 80, '2026-01-01T00:00:00.000Z')], now)[0].lot.purchaseId).toBe('purchase-a');
  });
});
