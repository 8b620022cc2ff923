import { describe, expect, test } from 'vitest';
import { timelineOf } from './timeline';
import type { CustomerActivity, CustomerDetail } from '$lib/graphql/types';

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
    } as unknown as CustomerDetail;
    const activity = {
      incidents: connection([{ id: 'x1', openedAt: '2026-01-20T12:00:00Z' }]),
      feedback: connection([{ id: 'f1', occurredAt: '2026-01-10T08:00:00Z', score: 4 }]),
      redemptions: connection([{ id: 'r1', createdAt: '2026-02-05T15:00:00Z', points: 500 }]),
    } as unknown as CustomerActivity;
    expect(timelineOf(customer, activity).items.map((entry) => `${entry.type}:${entry.id}`)).toEqual([
      'redemption:r1',
      'interaction:i1',
      'incident:x1',
      'feedback:f1',
      'purchase:p1',
    ]);
  });

  test('leaves out the parts the API does not serve yet', () => {
    const customer = {
      purchases: connection([
        {
          id: 'p1',
          occurredAt: '2026-01-03T10:00:00Z',
          amount: { amountMinor: 100, currency: 'DKK' },
          pointsEarned: 0,
        },
      ]),
      interactions: connection([]),
    } as unknown as CustomerDetail;
    expect(timelineOf(customer, {})).toEqual({ items: [expect.objectContaining({ id: 'p1' })], complete: true });
  });

  test('stops at the oldest entry of a part that has more, so nothing in between is hidden', () => {
    const page = <T>(nodes: T[], hasNextPage: boolean) => ({
      ...connection(nodes),
      pageInfo: { hasNextPage, endCursor: null },
    });
    const customer = {
      // Only the newest two purchases came; older ones exist.
      purchases: page(
        [
          { id: 'p3', occurredAt: '2026-03-01T10:00:00Z' },
          { id: 'p2', occurredAt: '2026-02-01T10:00:00Z' },
        ],
        true,
      ),
      interactions: page(
        [
          { id: 'i2', occurredAt: '2026-02-15T10:00:00Z' },
          { id: 'i1', occurredAt: '2025-06-01T10:00:00Z' },
        ],
        false,
      ),
    } as unknown as CustomerDetail;
    const timeline = timelineOf(customer);
    expect(timeline.items.map((entry) => entry.id)).toEqual(['p3', 'i2', 'p2']);
    expect(timeline.complete).toBe(false);
  });
});
