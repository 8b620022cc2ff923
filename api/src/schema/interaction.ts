import { builder } from './builder.ts';
import { ChannelEnum, DirectionEnum, InteractionKindEnum } from './enums.ts';
import { ACCESS_ERRORS } from './errors.ts';
import { CustomerRef, customerRef } from './customer.ts';
import { IDEMPOTENCY_KEY } from './idempotency.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { authenticated } from '../auth/caller.ts';
import { tenantDb } from '../runtime.ts';
import { recordEvent } from '../services/events.service.ts';

export const InteractionNode = builder.prismaNode('Interaction', {
  id: { field: 'id' },
  nullable: true,
  description: 'A contact with the customer, in either direction.',
  fields: (t) => ({
    customer: t.relation('customer', { description: 'Who was contacted, or made contact.' }),
    channel: t.expose('channel', { type: ChannelEnum, description: 'How.' }),
    direction: t.expose('direction', { type: DirectionEnum, description: 'Who started it.' }),
    kind: t.expose('kind', { type: InteractionKindEnum, description: 'What it was about.' }),
    personal: t.exposeBoolean('personal', { description: 'A person reached out, not an automated send.' }),
    occurredAt: t.expose('occurredAt', {
      type: 'DateTime',
      description: 'When it happened; rolling windows count from here, not from when it was recorded.',
    }),
    note: t.exposeString('note', { nullable: true, description: 'A note for staff; null when none.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When Trofast recorded it.' }),
  }),
});

builder.prismaObjectField('Customer', 'interactions', (t) =>
  t.relatedConnection('interactions', {
    cursor: 'id',
    maxSize: 100,
    totalCount: true,
    description: 'Newest first.',
    query: { orderBy: [{ occurredAt: 'desc' }, { id: 'asc' }] },
  }),
);

export const RecordInteractionInput = builder.inputType('RecordInteractionInput', {
  description: 'A contact to record.',
  fields: (t) => ({
    customer: t.field({ type: CustomerRef, required: true, description: 'The customer; they must exist.' }),
    channel: t.field({ type: ChannelEnum, required: true, description: 'How.' }),
    direction: t.field({ type: DirectionEnum, required: true, description: 'Who started it.' }),
    kind: t.field({ type: InteractionKindEnum, required: true, description: 'What it was about.' }),
    personal: t.boolean({
      required: true,
      description: 'true when a person reached out (not an automated send): it resets the IGNORED clock.',
    }),
    occurredAt: t.field({ type: 'DateTime', description: 'Default: now. May be back-dated for imports.' }),
    note: t.string(),
  }),
});

export function interactionEvent(input: typeof RecordInteractionInput.$inferInput) {
  return { interaction: { ...input, customer: customerRef(input.customer) } };
}

builder.mutationField('recordInteraction', (t) =>
  t.field({
    type: InteractionNode,
    description:
      'A contact is a fact and is always stored, even one that broke the contact cap. AGENT and up, or a key with `events:write`.',
    errors: {
      types: [ValidationError, NotFoundError, ...ACCESS_ERRORS],
      dataField: { description: 'The interaction recorded.' },
    },
    args: {
      input: t.arg({ type: RecordInteractionInput, required: true, description: 'The contact.' }),
      idempotencyKey: t.arg.string(IDEMPOTENCY_KEY),
    },
    resolve: async (_root, { input }, context) => {
      const caller = authenticated(context);
      const id = await recordEvent(caller, interactionEvent(input));
      return tenantDb(caller).interaction.findUniqueOrThrow({ where: { id } });
    },
  }),
);
