import { describe, expect, test } from 'vitest';
import { timelineOf } from './timeline';
import type { CustomerDetail } from '$lib/graphql/types';

const connection = <T>(nodes: T[]) => ({
  edges: nodes.map((node, index) => ({ cursor: String(index), node })),
  pageInfo: { hasNextPage: false, endCursor: null },
  totalCount: nodes.length,
});

describe('the customer timeline', () => {
  test('puts purchases, contacts, incidents, feedback and redemptions in one list, newest first', () => {
    const customer = {
      purchases: connection([
        {
          id: 'p1',
          occurredAt: '2026-01-03T10:00:00Z',
          amount: { amountMinor: 120000, currency: 'DKK' },
          pointsEarned: 120,
        },
      ]),
      interactions: connection([
        {
          id: 'i1',
          occurredAt: '2026-02-01T09:00:00Z',
          channel: 'PHONE',
          direction: 'OUTBOUND',
          kind: 'CHECK_IN',
          personal: true,
          note: null,
        },
      ]),
      incidents: connection([{ id: 'x1', openedAt: '2026-01-20T12:00:00Z' }]),
      feedback: connection([{ id: 'f1', createdAt: '2026-01-10T08:00:00Z', score: 4 }]),
      redemptions: connection([{ id: 'r1', createdAt: '2026-02-05T15:00:00Z', points: 500 }]),
    } as unknown as CustomerDetail;
    expect(timelineOf(customer).map((entry) => `${entry.type}:${entry.id}`)).toEqual([
      'redemption:r1',
      'interaction:i1',
      'incident:x1',
      'feedback:f1',
      'purchase:p1',
    ]);
  });
});
