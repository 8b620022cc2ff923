import { builder } from './builder.ts';
import { ACCESS_ERRORS } from './errors.ts';
import { CustomerRef, customerRef } from './customer.ts';
import { IDEMPOTENCY_KEY } from './idempotency.ts';
import { Money, MoneyInput } from './money.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { authenticated } from '../auth/caller.ts';
import { tenantDb } from '../runtime.ts';
import { recordEvent } from '../services/events.service.ts';

export const PurchaseNode = builder.prismaNode('Purchase', {
  id: { field: 'id' },
  nullable: true,
  description: 'A purchase by a customer; it earns points, and its spend never counts toward churn risk.',
  fields: (t) => ({
    customer: t.relation('customer', { description: 'Who bought.' }),
    amount: t.field({
      type: Money,
      description: 'What was spent.',
      select: { amountMinor: true, currency: true },
      resolve: (purchase) => ({ amountMinor: purchase.amountMinor, currency: purchase.currency }),
    }),
    occurredAt: t.expose('occurredAt', {
      type: 'DateTime',
      description: 'When it happened; rolling windows count from here, not from when it was recorded.',
    }),
    externalRef: t.exposeString('externalRef', {
      nullable: true,
      description: 'Your reference (order or receipt number); unique in your organization.',
    }),
    pointsEarned: t.exposeInt('pointsEarned', {
      description:
        "Points it earned at the organization's earn rate for its currency (1 point per 10 DKK by default), rounded down.",
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When Trofast recorded it.' }),
  }),
});

builder.prismaObjectField('Customer', 'purchases', (t) =>
  t.relatedConnection('purchases', {
    cursor: 'id',
    maxSize: 100,
    totalCount: true,
    description: 'Newest first.',
    query: { orderBy: [{ occurredAt: 'desc' }, { id: 'asc' }] },
  }),
);

export const RecordPurchaseInput = builder.inputType('RecordPurchaseInput', {
  description: 'A purchase to record.',
  fields: (t) => ({
    customer: t.field({ type: CustomerRef, required: true, description: 'Who bought; the customer must exist.' }),
    amount: t.field({ type: MoneyInput, required: true, description: 'What was spent, above 0.' }),
    occurredAt: t.field({ type: 'DateTime', description: 'Default: now. May be back-dated for imports.' }),
    externalRef: t.string({ description: 'Unique per organization: a repeat is rejected, never counted twice.' }),
  }),
});

export function purchaseEvent(input: typeof RecordPurchaseInput.$inferInput) {
  return { purchase: { ...input, customer: customerRef(input.customer) } };
}

builder.mutationField('recordPurchase', (t) =>
  t.field({
    type: PurchaseNode,
    description:
      "Records a purchase: it earns points (with a ledger entry that explains itself), may lift the tier, and recomputes the customer's scores. AGENT and up, or a key with `events:write`.",
    errors: {
      types: [ValidationError, NotFoundError, ...ACCESS_ERRORS],
      dataField: { description: 'The purchase recorded, with the points it earned.' },
    },
    args: {
      input: t.arg({ type: RecordPurchaseInput, required: true, description: 'The purchase.' }),
      idempotencyKey: t.arg.string(IDEMPOTENCY_KEY),
    },
    resolve: async (_root, { input }, context) => {
      const caller = authenticated(context);
      const id = await recordEvent(caller, purchaseEvent(input));
      return tenantDb(caller).purchase.findUniqueOrThrow({ where: { id } });
    },
  }),
);
