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
  fields: (t) => ({
    customer: t.relation('customer'),
    amount: t.field({
      type: Money,
      select: { amountMinor: true, currency: true },
      resolve: (purchase) => ({ amountMinor: purchase.amountMinor, currency: purchase.currency }),
    }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime' }),
    externalRef: t.exposeString('externalRef', { nullable: true }),
    pointsEarned: t.exposeInt('pointsEarned'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
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
  fields: (t) => ({
    customer: t.field({ type: CustomerRef, required: true }),
    amount: t.field({ type: MoneyInput, required: true }),
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
    errors: { types: [ValidationError, NotFoundError, ...ACCESS_ERRORS] },
    args: {
      input: t.arg({ type: RecordPurchaseInput, required: true }),
      idempotencyKey: t.arg.string(IDEMPOTENCY_KEY),
    },
    resolve: async (_root, { input }, context) => {
      const caller = authenticated(context);
      const id = await recordEvent(caller, purchaseEvent(input));
      return tenantDb(caller).purchase.findUniqueOrThrow({ where: { id } });
    },
  }),
);
