import { describe, expect, test } from 'vitest';
import type { Client } from '@urql/core';
import { AlertBoard } from '$lib/state/alert-board.svelte';
import type { Alert } from '$lib/graphql/types';
import { CATCH_UP_OVERLAP_MS, catchUpAlerts } from './alerts';

const alert = (id: string, updatedAt: string, status: Alert['status'] = 'OPEN'): Alert => ({
  id,
  kind: 'IGNORED',
  severity: 'INFO',
  status,
  topSpender: false,
  title: id,
  message: id,
  createdAt: '2026-03-01T08:00:00.000Z',
  updatedAt,
  customer: { id: `customer-${id}`, name: id },
  incident: null,
  assignee: null,
  acknowledgedBy: null,
  acknowledgedAt: null,
});

/** A client that answers `alerts` queries page by page, and records the variables it was asked with. */
function fakeClient(pages: (Alert[] | 'fail')[]) {
  const asked: Record<string, unknown>[] = [];
  const client = {
    query: (_document: string, variables: Record<string, unknown>) => ({
      toPromise: async () => {
        asked.push(variables);
        const page = pages[asked.length - 1];
        if (page === 'fail' || page === undefined) {
          return { data: undefined, error: { networkError: new Error('down'), graphQLErrors: [], message: 'down' } };
        }
        const more = asked.length < pages.length;
        return {
          data: {
            alerts: {
              edges: page.map((node) => ({ cursor: node.id, node })),
              pageInfo: { hasNextPage: more, endCursor: more ? `after-${asked.length}` : null },
              totalCount: 0,
            },
          },
        };
      },
    }),
  } as unknown as Client;
  return { client, asked };
}

describe('catching up after a reconnect', () => {
  test('asks for every change since a little before the newest one seen, page by page, and merges them once', async () => {
    const board = new AlertBoard();
    board.replaceAll([alert('a', '2026-03-01T09:00:00.000Z'), alert('b', '2026-03-01T09:30:00.000Z')]);
    const { client, asked } = fakeClient([
      [alert('c', '2026-03-01T10:00:00.000Z'), alert('b', '2026-03-01T09:30:00.000Z')],
      [alert('a', '2026-03-01T10:01:00.000Z', 'RESOLVED')],
    ]);
    expect(await catchUpAlerts(client, board)).toEqual({ changed: 2, error: null });
    expect(asked[0].since).toBe(new Date(Date.parse('2026-03-01T09:30:00.000Z') - CATCH_UP_OVERLAP_MS).toISOString());
    expect(asked[1]).toMatchObject({ after: 'after-1' });
    expect(board.alerts.map((item) => item.id).sort()).toEqual(['b', 'c']);
  });

  test('a failed page changes nothing, so a retry starts from the same point', async () => {
    const board = new AlertBoard();
    board.replaceAll([alert('a', '2026-03-01T09:00:00.000Z')]);
    const { client } = fakeClient([[alert('c', '2026-03-01T10:00:00.000Z')], 'fail']);
    const result = await catchUpAlerts(client, board);
    expect(result.changed).toBe(0);
    expect(result.error?.kind).toBe('network');
    expect(board.newestUpdatedAt).toBe('2026-03-01T09:00:00.000Z');
    expect(board.alerts.map((item) => item.id)).toEqual(['a']);
  });
});
