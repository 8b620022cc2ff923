// The feed: the organization's event log, in order, from a cursor. A partner that was away longer
// than webhooks retry reads what it missed here; the cursor is the event's place in the log, so
// resuming from it gives no gap and no repeat.
import { builder } from './builder.ts';
import { authenticated } from '../auth/caller.ts';
import { ValidationError } from '../domain/errors.ts';
import { PUBLIC_EVENT_TYPES, type PublicEventType } from '../domain/events/event-types.ts';
import { tenantDb } from '../runtime.ts';

const enumName = (type: PublicEventType) => type.replace('.', '_').toUpperCase();

export const WebhookEventTypeEnum = builder.enumType('WebhookEventType', {
  description: 'The kinds of event the feed and webhooks carry; each value is the wire name in capitals.',
  values: Object.fromEntries(
    PUBLIC_EVENT_TYPES.map((type) => [enumName(type), { value: type, description: `"${type}"` }]),
  ),
});

export const EventNode = builder.prismaNode('Event', {
  id: { field: 'id' },
  // node(id:) of an event that is not there (another organization's, or forgotten) is null.
  nullable: true,
  description: 'Something that changed, as the log holds it. Its id is the webhook-id of its deliveries.',
  fields: (t) => ({
    type: t.exposeString('type', { description: 'The wire name, e.g. "alert.raised".' }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime', description: 'When the change happened.' }),
    data: t.field({
      type: 'JSON',
      description: 'Thin: global ids and the headline numbers; fetch the rest by id.',
      select: { data: true },
      resolve: (event) => event.data,
    }),
  }),
});

const FEED_PAGE = 100;

builder.queryField('events', (t) =>
  t.connection(
    {
      type: EventNode,
      description: `The organization's events in the order they happened, oldest first, kept 30 days. Pass the last cursor you read as \`after\` to resume with no gap and no repeat; at most ${FEED_PAGE} a page.`,
      args: { types: t.arg({ type: [WebhookEventTypeEnum], description: 'Only these kinds; all when empty.' }) },
      resolve: async (_root, { first, after, types }, context) => {
        const db = tenantDb(authenticated(context));
        const take = Math.min(first ?? FEED_PAGE, FEED_PAGE);
        if (take < 0) throw ValidationError.at(['first'], 'Ask for 0 or more events.');
        let from = 0n;
        if (after) {
          if (!/^\d{1,18}$/.test(after)) throw ValidationError.at(['after'], 'Not a cursor of this feed.');
          from = BigInt(after);
        }
        const kinds: string[] = types?.length ? types.map(String) : [...PUBLIC_EVENT_TYPES];
        const where = { type: { in: kinds } };
        const [rows, totalCount] = await Promise.all([
          db.event.findMany({ where: { ...where, seq: { gt: from } }, orderBy: { seq: 'asc' }, take: take + 1 }),
          db.event.count({ where }),
        ]);
        const page = rows.slice(0, take);
        return {
          totalCount,
          edges: page.map((event) => ({ cursor: event.seq.toString(), node: event })),
          pageInfo: {
            hasNextPage: rows.length > take,
            hasPreviousPage: from > 0n,
            startCursor: page[0]?.seq.toString() ?? null,
            endCursor: page.at(-1)?.seq.toString() ?? after ?? null,
          },
        };
      },
    },
    {
      name: 'EventConnection',
      fields: (t) => ({
        totalCount: t.int({
          description: 'Events of the kinds asked for still in the log, not only this page.',
          resolve: (connection) => (connection as unknown as { totalCount: number }).totalCount,
        }),
      }),
    },
    { name: 'EventEdge' },
  ),
);
