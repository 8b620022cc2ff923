// One timeline from a customer's purchases, contacts, incidents, feedback, redemptions and messages, newest first.
import type { Connection, CustomerActivity, CustomerDetail } from '$lib/graphql/types';

type Node<C> = C extends Connection<infer T> ? T : never;

export type TimelineItem =
  | { type: 'purchase'; id: string; at: string; item: Node<CustomerDetail['purchases']> }
  | { type: 'interaction'; id: string; at: string; item: Node<CustomerDetail['interactions']> }
  | { type: 'incident'; id: string; at: string; item: Node<CustomerActivity['incidents']> }
  | { type: 'feedback'; id: string; at: string; item: Node<CustomerActivity['feedback']> }
  | { type: 'redemption'; id: string; at: string; item: Node<CustomerActivity['redemptions']> }
  | { type: 'message'; id: string; at: string; item: Node<CustomerActivity['messages']> };

export interface Timeline {
  items: TimelineItem[];
  /** False when older entries were left out (some part has more than its newest page). */
  complete: boolean;
}

/**
 * Parts the API does not serve yet (or that failed to load) are simply left out. Each part holds
 * only its newest page: where one has more, the timeline stops at that page's oldest entry, so it
 * never shows an old purchase while hiding the contacts around it.
 */
export function timelineOf(
  customer: Pick<CustomerDetail, 'purchases' | 'interactions'>,
  activity: CustomerActivity = {},
): Timeline {
  const part = <T>(connection: Connection<T> | undefined, entry: (node: T) => TimelineItem) => ({
    items: connection?.edges.map((edge) => entry(edge.node)) ?? [],
    truncated: connection?.pageInfo.hasNextPage ?? false,
  });
  const parts = [
    part(customer.purchases, (item) => ({ type: 'purchase', id: item.id, at: item.occurredAt, item })),
    part(customer.interactions, (item) => ({ type: 'interaction', id: item.id, at: item.occurredAt, item })),
    part(activity.incidents, (item) => ({ type: 'incident', id: item.id, at: item.openedAt, item })),
    part(activity.feedback, (item) => ({ type: 'feedback', id: item.id, at: item.occurredAt, item })),
    part(activity.redemptions, (item) => ({ type: 'redemption', id: item.id, at: item.createdAt, item })),
    part(activity.messages, (item) => ({ type: 'message', id: item.id, at: item.sentAt ?? item.scheduledFor, item })),
  ];
  // Below the newest of the truncated parts' oldest entries, some part may be missing entries.
  const cutoff = Math.max(
    -Infinity,
    ...parts
      .filter(({ truncated, items }) => truncated && items.length > 0)
      .map(({ items }) => Math.min(...items.map((entry) => Date.parse(entry.at)))),
  );
  const items = parts
    .flatMap(({ items }) => items)
    .filter((entry) => Date.parse(entry.at) >= cutoff)
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || (a.id < b.id ? 1 : -1));
  return { items, complete: cutoff === -Infinity };
}
