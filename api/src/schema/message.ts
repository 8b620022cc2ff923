import { builder } from './builder.ts';
import { ChannelEnum, LocaleEnum, MessageKindEnum, MessageStatusEnum, StaffMessageKindEnum } from './enums.ts';
import { readerLocale } from '../context.ts';
import { renderSkipReason } from '../domain/messages/skip-reason.ts';
import { ACCESS_ERRORS } from './errors.ts';
import { CustomerRef, customerRef } from './customer.ts';
import { IDEMPOTENCY_KEY } from './idempotency.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { authenticated } from '../auth/caller.ts';
import { tenantDb } from '../runtime.ts';
import { resolveCustomerRef } from '../services/customer.service.ts';
import { thankCustomers } from '../services/thank.service.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { CustomerMessageKind, StaffMessageKind } from '../domain/types.ts';

export const MessageNode = builder.prismaNode('Message', {
  id: { field: 'id' },
  nullable: true,
  description:
    'One thing Trofast sends to one customer, through the care rules (consent, the contact cap, the survey cooldown). Nothing is dropped: a blocked message is SKIPPED with its reasons.',
  fields: (t) => ({
    // The outbox's customer messages only (messageWhere): a staff member's is a StaffMessage.
    customer: t.relation('customer', { onNull: 'error', description: 'Who it is for.' }),
    kind: t.field({
      type: MessageKindEnum,
      description: 'What it is for: a survey invitation, a thank-you, a member link or a service message.',
      resolve: (message) => message.kind as CustomerMessageKind,
    }),
    channel: t.expose('channel', {
      type: ChannelEnum,
      description: 'EMAIL, or SMS handed to the partner as a `message.requested` webhook event.',
    }),
    status: t.expose('status', {
      type: MessageStatusEnum,
      description: 'Where it stands: SCHEDULED until the worker sends it, then SENT, SKIPPED, CANCELLED or FAILED.',
    }),
    scheduledFor: t.expose('scheduledFor', { type: 'DateTime', description: 'When it is due to go out.' }),
    sentAt: t.expose('sentAt', { type: 'DateTime', nullable: true, description: 'When it went out; null until SENT.' }),
    subject: t.exposeString('subject', {
      nullable: true,
      description: "An email's subject, in the customer's language; null for SMS.",
    }),
    body: t.exposeString('body', {
      description:
        'As the customer reads it, in their language. Over SMTP the copy kept here has its links masked; in the built-in outbox it is the delivery, with live links.',
    }),
    html: t.exposeString('html', { nullable: true, description: 'The HTML part of an email, as kept (see `body`).' }),
    reasons: t.stringList({
      description:
        "Why SKIPPED, CANCELLED or FAILED, in the reader's language unless another is asked for (a FAILED message's is the mail server's own answer); empty otherwise.",
      args: { locale: t.arg({ type: LocaleEnum, description: "Default: the reader's language." }) },
      select: { reasons: true, nextAllowedAt: true },
      resolve: async (message, { locale }, context) => {
        const language = locale ?? (await readerLocale(context));
        // One reason alone carries the date it no longer holds; several share nextAllowedAt, the latest.
        const until = message.reasons.length === 1 ? message.nextAllowedAt : null;
        return message.reasons.map((reason) => renderSkipReason(reason, language, until));
      },
    }),
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
  description: 'Narrows the outbox; every given condition must hold.',
  fields: (t) => ({
    statuses: t.field({
      type: [MessageStatusEnum],
      description: 'Only messages in one of these statuses; empty or null for all.',
    }),
    kinds: t.field({
      type: [MessageKindEnum],
      description: 'Only messages of one of these kinds; empty or null for all.',
    }),
    customer: t.field({ type: CustomerRef, description: "Only this customer's messages." }),
  }),
});

async function messageWhere(
  filter: typeof MessageFilter.$inferInput | null | undefined,
  db: ReturnType<typeof tenantDb>,
): Promise<Prisma.MessageWhereInput> {
  return {
    customerId: { not: null },
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
    args: { filter: t.arg({ type: MessageFilter, description: 'Which messages; all without.' }) },
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

const StaffMessage = builder.prismaObject('Message', {
  variant: 'StaffMessage',
  description:
    'One email Trofast sends to a staff member: a webhook endpoint it disabled, a pulse round to answer, its reminder. Not a customer contact: no care rules, no interaction.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The message.' }),
    recipient: t.relation('user', { onNull: 'error', description: 'The staff member it is for.' }),
    kind: t.field({
      type: StaffMessageKindEnum,
      description: 'What it is for.',
      resolve: (message) => message.kind as StaffMessageKind,
    }),
    status: t.expose('status', {
      type: MessageStatusEnum,
      description:
        'SCHEDULED until the worker sends it, then SENT; CANCELLED when no longer due (the round closed, the person answered).',
    }),
    scheduledFor: t.expose('scheduledFor', { type: 'DateTime', description: 'When it is due to go out.' }),
    sentAt: t.expose('sentAt', { type: 'DateTime', nullable: true, description: 'When it went out; null until SENT.' }),
    subject: t.exposeString('subject', { nullable: true, description: "The subject, in the staff member's language." }),
    body: t.exposeString('body', {
      description:
        'The plain-text part. Over SMTP the copy kept here has its links masked; in the built-in outbox it is the delivery, with live links (a pulse link answers only for its own staff member, signed in).',
    }),
    html: t.exposeString('html', { nullable: true, description: 'The HTML part, as kept (see `body`).' }),
    reasons: t.exposeStringList('reasons', { description: 'Why CANCELLED or FAILED; empty otherwise.' }),
  }),
});

builder.queryField('staffMessages', (t) =>
  t.prismaConnection({
    type: StaffMessage,
    cursor: 'id',
    maxSize: 100,
    description: "The outbox's emails to staff, newest first.",
    totalCount: (_connection, _args, context) =>
      tenantDb(authenticated(context)).message.count({ where: { userId: { not: null } } }),
    resolve: (query, _root, _args, context) =>
      tenantDb(authenticated(context)).message.findMany({
        ...query,
        where: { userId: { not: null } },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      }),
  }),
);

const ThankCustomersInput = builder.inputType('ThankCustomersInput', {
  description: 'Who to thank, how, and with what.',
  fields: (t) => ({
    customers: t.field({
      type: [CustomerRef],
      required: true,
      description: 'One customer or the whole list; each gets their own message.',
    }),
    channel: t.field({ type: ChannelEnum, required: true, description: 'EMAIL or SMS.' }),
    bonusPoints: t.int({ description: 'An EARN_BONUS entry the ledger explains with the note.' }),
    note: t.string({ description: "The organization's own words; a warm default without." }),
  }),
});

builder.mutationField('thankCustomers', (t) =>
  t.field({
    type: [MessageNode],
    description:
      'A THANK_YOU message to each customer (consent applies; not capped). Sent, it records the THANK_YOU contact, so the customer leaves "customers to thank" for 180 days.',
    errors: {
      types: [ValidationError, NotFoundError, ...ACCESS_ERRORS],
      dataField: { description: 'One THANK_YOU message per customer, in the order given.' },
    },
    args: {
      input: t.arg({
        type: ThankCustomersInput,
        required: true,
        description: 'The customers, the channel and the words.',
      }),

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
