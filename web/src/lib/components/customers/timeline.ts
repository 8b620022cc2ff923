// One timeline from a customer's purchases, contacts, incidents, feedback and redemptions, newest first.
import type { CustomerDetail } from '$lib/graphql/types';

export type TimelineItem =
  | { type: 'purchase'; id: string; at: string; item: CustomerDetail['purchases']['edges'][number]['node'] }
  | { type: 'interaction'; id: string; at: string; item: CustomerDetail['interactions']['edges'][number]['node'] }
  | { type: 'incident'; id: string; at: string; item: CustomerDetail['incidents']['edges'][number]['node'] }
  | { type: 'feedback'; id: string; at: string; item: CustomerDetail['feedback']['edges'][number]['node'] }
  | { type: 'redemption'; id: string; at: string; item: CustomerDetail['redemptions']['edges'][number]['node'] };

export function timelineOf(customer: CustomerDetail): TimelineItem[] {
  const items: TimelineItem[] = [
    ...customer.purchases.edges.map(({ node }) => ({
      type: 'purchase' as const,
      id: node.id,
      at: node.occurredAt,
      item: node,
    })),
    ...customer.interactions.edges.map(({ node }) => ({
      type: 'interaction' as const,
      id: node.id,
      at: node.occurredAt,
      item: node,
    })),
    ...customer.incidents.edges.map(({ node }) => ({
      type: 'incident' as const,
      id: node.id,
      at: node.openedAt,
      item: node,
    })),
    ...customer.feedback.edges.map(({ node }) => ({
      type: 'feedback' as const,
      id: node.id,
      at: node.createdAt,
      item: node,
    })),
    ...customer.redemptions.edges.map(({ node }) => ({
      type: 'redemption' as const,
      id: node.id,
      at: node.createdAt,
      item: node,
    })),
  ];
  return items.sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || (a.id < b.id ? 1 : -1));
}
