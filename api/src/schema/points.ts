import { builder } from './builder.ts';
import { LocaleEnum, PointsEntryKindEnum } from './enums.ts';
import { renderLedgerEntry } from '../domain/points/ledger-sentence.ts';

export const PointsEntryNode = builder.prismaNode('PointsEntry', {
  id: { field: 'id' },
  nullable: true,
  description: 'One movement of points. Entries are never changed or removed; corrections are new entries.',
  fields: (t) => ({
    customer: t.relation('customer'),
    delta: t.exposeInt('delta'),
    kind: t.expose('kind', { type: PointsEntryKindEnum }),
    explanation: t.string({
      description: "The movement in plain words, in the customer's language unless another is asked for.",
      args: { locale: t.arg({ type: LocaleEnum }) },
      select: { reason: true, reasonParams: true, customer: { select: { locale: true } } },
      resolve: (entry, { locale }) =>
        renderLedgerEntry(entry.reason, entry.reasonParams, locale ?? entry.customer.locale),
    }),
    balanceAfter: t.exposeInt('balanceAfter'),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime' }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.prismaObjectField('Customer', 'pointsLedger', (t) =>
  t.relatedConnection('pointsEntries', {
    cursor: 'id',
    maxSize: 100,
    totalCount: true,
    description: 'Newest first; each balanceAfter is the one before plus its delta.',
    query: { orderBy: [{ createdAt: 'desc' }, { balanceAfter: 'asc' }, { id: 'asc' }] },
  }),
);
