import { builder } from './builder.ts';
import { LocaleEnum, PointsEntryKindEnum } from './enums.ts';
import { ACCESS_ERRORS } from './errors.ts';
import { CustomerRef, customerRef } from './customer.ts';
import { IDEMPOTENCY_KEY } from './idempotency.ts';
import { InsufficientPointsError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { renderLedgerEntry } from '../domain/points/ledger-sentence.ts';
import { authenticated } from '../auth/caller.ts';
import { adjustPoints } from '../services/redemption.service.ts';

export const PointsEntryNode = builder.prismaNode('PointsEntry', {
  id: { field: 'id' },
  nullable: true,
  description: 'One movement of points. Entries are never changed or removed; corrections are new entries.',
  fields: (t) => ({
    customer: t.relation('customer', { description: 'Whose points moved.' }),
    delta: t.exposeInt('delta', { description: 'Points added (above 0) or taken (below 0).' }),
    kind: t.expose('kind', { type: PointsEntryKindEnum, description: 'Why the points moved.' }),
    explanation: t.string({
      description: "The movement in plain words, in the customer's language unless another is asked for.",
      args: { locale: t.arg({ type: LocaleEnum, description: "Default: the customer's language." }) },
      select: { reason: true, reasonParams: true, customer: { select: { locale: true } } },
      resolve: (entry, { locale }) =>
        renderLedgerEntry(entry.reason, entry.reasonParams, locale ?? entry.customer.locale),
    }),
    balanceAfter: t.exposeInt('balanceAfter', { description: "The customer's balance right after this entry." }),
    expiresAt: t.expose('expiresAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When earned points expire (24 months after the purchase by default); null for entries that do not.',
    }),
    occurredAt: t.expose('occurredAt', {
      type: 'DateTime',
      description: 'When what caused it happened (a back-dated purchase keeps its date).',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the entry was written.' }),
  }),
});

builder.prismaObjectField('Customer', 'pointsLedger', (t) =>
  t.relatedConnection('pointsEntries', {
    cursor: 'id',
    maxSize: 100,
    totalCount: true,
    description:
      'Latest written first (a back-dated import is written when imported); each balanceAfter is the one before plus its delta.',
    query: { orderBy: [{ sequence: 'desc' }] },
  }),
);

const AdjustPointsInput = builder.inputType('AdjustPointsInput', {
  description: "A correction of a customer's points.",
  fields: (t) => ({
    customer: t.field({ type: CustomerRef, required: true, description: 'Whose points.' }),
    delta: t.int({ required: true, description: 'Points to add (above 0) or take (below 0); never 0.' }),
    reason: t.string({ required: true, description: "Shown to the customer in the entry's explanation." }),
  }),
});

builder.mutationField('adjustPoints', (t) =>
  t.field({
    type: PointsEntryNode,
    description: 'A correction as a new ADJUST entry; it can never take the balance below zero. MANAGER and up.',
    errors: {
      types: [ValidationError, NotFoundError, InsufficientPointsError, ...ACCESS_ERRORS],
      dataField: { description: 'The new ledger entry.' },
    },
    args: {
      input: t.arg({ type: AdjustPointsInput, required: true, description: 'Whose points, how many and why.' }),
      idempotencyKey: t.arg.string(IDEMPOTENCY_KEY),
    },
    resolve: (_root, { input }, context) =>
      adjustPoints(authenticated(context), { ...input, customer: customerRef(input.customer) }),
  }),
);
