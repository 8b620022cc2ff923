import { builder } from './builder.ts';
import { ChannelEnum, MessageKindEnum, MessageStatusEnum } from './enums.ts';
import { ACCESS_ERRORS } from './errors.ts';
import { CustomerRef, customerRef } from './customer.ts';
import { IDEMPOTENCY_KEY } from './idempotency.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { authenticated } from '../auth/caller.ts';
import { tenantDb } from '../runtime.ts';
import { resolveCustomerRef } from '../services/customer.service.ts';
import { thankCustomers } from '../services/thank.service.ts';
import type { Prisma } from '../generated/prisma/client.ts';

export const MessageNode = builder.prismaNode('Message', {
  id: { field: 'id' },
  nullable: true,
  description:
    'One thing Trofast sends to one customer, through the care rules (consent, the contact cap, the survey cooldown). Nothing is dropped: a blocked message is SKIPPED with its reasons.',
  fields: (t) => ({
    customer: t.relation('customer'),
    kind: t.expose('kind', { type: MessageKindEnum }),
    channel: t.expose('channel', { type: ChannelEnum }),
    status: t.expose('status', { type: MessageStatusEnum }),
    scheduledFor: t.expose('scheduledFor', { type: 'DateTime' }),
    sentAt: t.expose('sentAt', { type: 'DateTime', nullable: true }),
    subject: t.exposeString('subject', { nullable: true }),
    body: t.exposeString('body', {
      description:
        'As the customer reads it, in their language. Over SMTP the copy kept here has its links masked; in the built-in outbox it is the delivery, with live links.',
    }),
    html: t.exposeString('html', { nullable: true, description: 'The HTML part of an email, as kept (see `body`).' }),
    reasons: t.exposeStringList('reasons', { description: 'Why SKIPPED, CANCELLED or FAILED; empty otherwise.' }),
    nextAllowedAt: t.expose('nextAllowedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'SKIPPED: when the care rules would allow it.',
    }),
  }),
});

builder.prismaObjectField('Customer', 'messages', (t) =>
  t.relatedConnection('messages', {
    cursor: 'id',
    maxSize: 100,
    totalCount: true,
    description: 'Newest first.',
    query: { orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] },
  }),
);

const MessageFilter = builder.inputType('MessageFilter', {
  fields: (t) => ({
    statuses: t.field({ type: [MessageStatusEnum] }),
    kinds: t.field({ type: [MessageKindEnum] }),
    customer: t.field({ type: CustomerRef }),
  }),
});

async function messageWhere(
  filter: typeof MessageFilter.$inferInput | null | undefined,
  db: ReturnType<typeof tenantDb>,
): Promise<Prisma.MessageWhereInput> {
  return {
    ...(filter?.statuses?.length ? { status: { in: filter.statuses } } : {}),
    ...(filter?.kinds?.length ? { kind: { in: filter.kinds } } : {}),
    ...(filter?.customer ? { customerId: await resolveCustomerRef(db, customerRef(filter.customer)) } : {}),
  };
}

builder.queryField('messages', (t) =>
  t.prismaConnection({
    type: 'Message',
    cursor: 'id',
    maxSize: 100,
    description: 'The outbox: every message, newest first.',
    args: { filter: t.arg({ type: MessageFilter }) },
    totalCount: async (_connection, { filter }, context) => {
      const db = tenantDb(authenticated(context));
      return db.message.count({ where: await messageWhere(filter, db) });
    },
    resolve: async (query, _root, { filter }, context) => {
      const db = tenantDb(authenticated(context));
      return db.message.findMany({
        ...query,
        where: await messageWhere(filter, db),
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      });
    },
  }),
);

const ThankCustomersInput = builder.inputType('ThankCustomersInput', {
  fields: (t) => ({
    customers: t.field({ type: [CustomerRef], required: true }),
    channel: t.field({ type: ChannelEnum, required: true }),
    bonusPoints: t.int({ description: 'An EARN_BONUS entry the ledger explains with the note.' }),
    note: t.string({ description: "The organization's own words; a warm default without." }),
  }),
});

builder.mutationField('thankCustomers', (t) =>
  t.field({
    type: [MessageNode],
    description:
      'A THANK_YOU message to each customer (consent applies; not capped). Sent, it records the THANK_YOU contact, so the customer leaves "customers to thank" for 180 days.',
    errors: { types: [ValidationError, NotFoundError, ...ACCESS_ERRORS] },
    args: {
      input: t.arg({ type: ThankCustomersInput, required: true }),
      idempotencyKey: t.arg.string(IDEMPOTENCY_KEY),
    },
    resolve: async (_root, { input }, context) => {
      const caller = authenticated(context);
      const ids = await thankCustomers(caller, { ...input, customers: input.customers.map(customerRef) });
      const messages = await tenantDb(caller).message.findMany({ where: { id: { in: ids } } });
      return ids.map((id) => messages.find((message) => message.id === id)!);
    },
  }),
);
