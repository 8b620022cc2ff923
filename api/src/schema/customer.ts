import { builder } from './builder.ts';
import { ChannelEnum, CustomerKindEnum, LocaleEnum, RiskLevelEnum, TierEnum } from './enums.ts';
import { ACCESS_ERRORS } from './errors.ts';
import { rawIdOrNull } from './ids.ts';
import { IDEMPOTENCY_KEY } from './idempotency.ts';
import { ValidationError } from '../domain/errors.ts';
import { Channel } from '../domain/types.ts';
import { authenticated } from '../auth/caller.ts';
import { tenantDb } from '../runtime.ts';
import { upsertCustomer, type CustomerRef as CustomerRefValue } from '../services/customer.service.ts';
import type { Prisma } from '../generated/prisma/client.ts';

export const CustomerRef = builder.inputType('CustomerRef', {
  isOneOf: true,
  description: 'A customer: our global `id` or your `externalId`, exactly one.',
  fields: (t) => ({
    id: t.id(),
    externalId: t.string(),
  }),
});

/** A CustomerRef with its global id opened; an id of another type matches no customer. */
export function customerRef(ref: { id?: string | number | null; externalId?: string | null }): CustomerRefValue {
  return ref.id != null
    ? { id: rawIdOrNull(String(ref.id), 'Customer') ?? 'not-a-customer' }
    : { externalId: ref.externalId ?? null };
}

export const ChannelConsentRef = builder
  .objectRef<{ channel: Channel; granted: boolean; updatedAt: Date | null }>('ChannelConsent')
  .implement({
    description: 'Whether the customer agreed to be contacted on a channel (never asked: not granted).',
    fields: (t) => ({
      channel: t.expose('channel', { type: ChannelEnum, description: 'The channel.' }),
      granted: t.exposeBoolean('granted', { description: 'true: MARKETING and SURVEY_INVITE may use this channel.' }),
      updatedAt: t.expose('updatedAt', {
        type: 'DateTime',
        nullable: true,
        description: 'When the consent was last given or withdrawn; null when never asked.',
      }),
    }),
  });

/** Every channel's consent, granted or not: a channel never asked about is not granted. */
export function everyChannel(consents: { channel: Channel; granted: boolean; updatedAt: Date | null }[]) {
  return Object.values(Channel).map(
    (channel) =>
      consents.find((consent) => consent.channel === channel) ?? { channel, granted: false, updatedAt: null },
  );
}

export const ChannelConsentInput = builder.inputType('ChannelConsentInput', {
  description: "The customer's consent on one channel.",
  fields: (c) => ({
    channel: c.field({ type: ChannelEnum, required: true, description: 'The channel.' }),
    granted: c.boolean({ required: true, description: 'true: given; false: withdrawn.' }),
  }),
});

export const CustomerNode = builder.prismaNode('Customer', {
  id: { field: 'id' },
  nullable: true,
  description:
    'A customer of the organization, with their points, tier, churn risk and scores. A key without `customers:read` sees only `id` and `externalId`.',
  fields: (t) => ({
    externalId: t.exposeString('externalId', { description: 'Your id for the customer; unique in your organization.' }),
    name: t.exposeString('name', { description: "The person's or company's name." }),
    email: t.exposeString('email', { nullable: true, description: 'Their email address; null when unknown.' }),
    phone: t.exposeString('phone', { nullable: true, description: 'Their phone number; null when unknown.' }),
    kind: t.expose('kind', { type: CustomerKindEnum, description: 'A person or a company.' }),
    locale: t.expose('locale', { type: LocaleEnum, description: 'The language the customer is spoken to in.' }),
    tier: t.expose('tier', { type: TierEnum, description: 'Their tier, by points earned in the last 12 months.' }),
    pointsBalance: t.exposeInt('pointsBalance', {
      description: 'Points they may spend now: always the sum of their ledger, never below 0.',
    }),
    lastPersonalContactAt: t.expose('lastPersonalContactAt', {
      type: 'DateTime',
      nullable: true,
      description: 'The latest personal interaction (either direction) or incident response.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the customer was first recorded.' }),
    accountManager: t.relation('accountManager', {
      nullable: true,
      description: 'The staff member who looks after the customer; null: nobody.',
    }),
    consents: t.field({
      type: [ChannelConsentRef],
      description: 'Every channel, granted or not.',
      select: { consents: { select: { channel: true, granted: true, updatedAt: true } } },
      resolve: (customer) => everyChannel(customer.consents),
    }),
  }),
});

const CustomerOrderBy = builder.enumType('CustomerOrderBy', {
  description: 'The order of a customer list.',
  values: {
    RISK_DESC: { description: 'Highest churn risk first.' },
    NAME_ASC: { description: 'By name, A to Z.' },
    CREATED_DESC: { description: 'Newest customers first.' },
    LAST_PERSONAL_CONTACT_ASC: { description: 'Longest without personal contact first; never contacted before all.' },
  },
});

const ORDER: Record<typeof CustomerOrderBy.$inferType, Prisma.CustomerOrderByWithRelationInput[]> = {
  RISK_DESC: [{ riskScore: 'desc' }, { id: 'asc' }],
  NAME_ASC: [{ name: 'asc' }, { id: 'asc' }],
  CREATED_DESC: [{ createdAt: 'desc' }, { id: 'asc' }],
  LAST_PERSONAL_CONTACT_ASC: [{ lastPersonalContactAt: { sort: 'asc', nulls: 'first' } }, { id: 'asc' }],
};

const CustomerFilter = builder.inputType('CustomerFilter', {
  description: 'Which customers to list; every condition given must hold.',
  fields: (t) => ({
    search: t.string({
      description:
        'Text found anywhere in the name, email or externalId, case-insensitive; % and _ are only themselves.',
    }),
    riskLevels: t.field({ type: [RiskLevelEnum], description: 'Only customers at one of these risk levels.' }),
    tiers: t.field({ type: [TierEnum], description: 'Only customers in one of these tiers.' }),
  }),
});

/** Prisma's `contains` hands LIKE's wildcards and escape character to the database as they are. */
const literally = (text: string) => text.replace(/[\\%_]/g, '\\$&');

// ILIKE on each of the three fields, which the trigram index on them serves (prisma/schema.prisma).
function customerWhere(filter: typeof CustomerFilter.$inferInput | null | undefined): Prisma.CustomerWhereInput {
  const search = filter?.search?.trim();
  const pattern = search ? literally(search) : undefined;
  return {
    ...(pattern
      ? {
          OR: [
            { name: { contains: pattern, mode: 'insensitive' } },
            { email: { contains: pattern, mode: 'insensitive' } },
            { externalId: { contains: pattern, mode: 'insensitive' } },
          ],
        }
      : {}),
    ...(filter?.riskLevels?.length ? { riskLevel: { in: filter.riskLevels } } : {}),
    ...(filter?.tiers?.length ? { tier: { in: filter.tiers } } : {}),
  };
}

builder.queryField('customers', (t) =>
  t.prismaConnection({
    type: 'Customer',
    cursor: 'id',
    maxSize: 100,
    description: 'The customers of your organization, a page at a time. Staff, or a key with `customers:read`.',
    args: {
      filter: t.arg({ type: CustomerFilter, description: 'Which customers; all when left out.' }),
      orderBy: t.arg({
        type: CustomerOrderBy,
        defaultValue: 'RISK_DESC',
        description: 'The order; highest risk first by default.',
      }),
    },
    totalCount: (_connection, { filter }, context) =>
      tenantDb(authenticated(context)).customer.count({ where: customerWhere(filter) }),
    resolve: (query, _root, { filter, orderBy }, context) =>
      tenantDb(authenticated(context)).customer.findMany({
        ...query,
        where: customerWhere(filter),
        orderBy: ORDER[orderBy ?? 'RISK_DESC'],
      }),
  }),
);

builder.queryField('customer', (t) =>
  t.prismaField({
    type: 'Customer',
    nullable: true,
    description:
      'One customer by global id or your externalId; null when there is none. Staff, or a key with `customers:read`.',
    args: { ref: t.arg({ type: CustomerRef, required: true, description: 'Which customer.' }) },
    resolve: (query, _root, { ref }, context) => {
      const where = customerRef(ref);
      return tenantDb(authenticated(context)).customer.findFirst({
        ...query,
        where: where.id ? { id: where.id } : { externalId: where.externalId ?? '' },
      });
    },
  }),
);

const UpsertCustomerInput = builder.inputType('UpsertCustomerInput', {
  description: 'A customer by your externalId; on an update, what is left out stays as it is.',
  fields: (t) => ({
    externalId: t.string({ required: true }),
    name: t.string({ required: true }),
    email: t.string(),
    phone: t.string(),
    kind: t.field({ type: CustomerKindEnum, description: 'Default: PERSON.' }),
    locale: t.field({ type: LocaleEnum, description: "Default: the organization's." }),
    accountManagerId: t.id(),
    consents: t.field({
      type: [ChannelConsentInput],
      description: 'Consents to change, each channel at most once; channels left out stay as they are.',
    }),
  }),
});

builder.mutationField('upsertCustomer', (t) =>
  t.field({
    type: CustomerNode,
    description: 'Creates the customer with this externalId, or updates the fields given.',
    errors: {
      types: [ValidationError, ...ACCESS_ERRORS],
      dataField: { description: 'The customer as stored.' },
    },
    args: {
      input: t.arg({ type: UpsertCustomerInput, required: true, description: 'The customer.' }),
      idempotencyKey: t.arg.string(IDEMPOTENCY_KEY),
    },
    resolve: (_root, { input }, context) =>
      upsertCustomer(authenticated(context), {
        ...input,
        accountManagerId:
          input.accountManagerId == null
            ? input.accountManagerId
            : (rawIdOrNull(String(input.accountManagerId), 'User') ?? 'not-a-user'),
      }),
  }),
);
