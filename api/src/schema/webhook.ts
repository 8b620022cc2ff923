// Webhook endpoints, their deliveries and each attempt (PRODUCT.md "Webhooks"). ADMINs and keys
// with `webhooks:manage`; the worker in webhooks/worker.ts makes the deliveries.
import { builder } from './builder.ts';
import { ACCESS_ERRORS } from './errors.ts';
import { EventNode, WebhookEventTypeEnum } from './event-feed.ts';
import { rawId, rawIdOrNull } from './ids.ts';
import { authenticated } from '../auth/caller.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import type { PublicEventType } from '../domain/events/event-types.ts';
import { tenantDb } from '../runtime.ts';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  recoverWebhookDeliveries,
  redeliverWebhook,
  rotateWebhookSecret,
  sendTestWebhook,
  updateWebhookEndpoint,
} from '../services/webhook.service.ts';

const WebhookEndpointStatusEnum = builder.enumType('WebhookEndpointStatus', {
  description: 'Whether an endpoint is sent its events.',
  values: {
    ACTIVE: { description: 'Deliveries are made.' },
    DISABLED: { description: 'Nothing is sent; what happens meanwhile is delivered when it is enabled again.' },
  } as const,
});

const WebhookDeliveryStatusEnum = builder.enumType('WebhookDeliveryStatus', {
  description: 'Where a delivery stands.',
  values: {
    PENDING: { description: 'Not delivered yet: waiting for its first attempt or its next retry.' },
    DELIVERED: { description: 'The receiver answered 2xx.' },
    FAILED: { description: 'Every retry failed; `redeliverWebhook` or `recoverWebhookDeliveries` send it again.' },
  } as const,
});

const WebhookAttemptRef = builder.prismaObject('WebhookAttempt', {
  description: 'One try to deliver; kept 30 days.',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime', description: 'When the attempt was made.' }),
    statusCode: t.exposeInt('statusCode', { nullable: true, description: 'Null when no answer came.' }),
    durationMs: t.exposeInt('durationMs', {
      description: 'How long the receiver took, in milliseconds (timeout 15 s).',
    }),
    response: t.exposeString('response', { nullable: true, description: 'The first kilobyte of the answer.' }),
    error: t.exposeString('error', {
      nullable: true,
      description: 'What went wrong, in words; null when it succeeded.',
    }),
  }),
});

export const WebhookDeliveryRef = builder.prismaNode('WebhookDelivery', {
  id: { field: 'id' },
  nullable: true,
  description: "One event for one endpoint. Its `event`'s id is the webhook-id header, the same on every attempt.",
  fields: (t) => ({
    endpoint: t.relation('endpoint', { description: 'Where it is delivered.' }),
    event: t.relation('event', { type: EventNode, description: 'What it carries.' }),
    status: t.expose('status', {
      type: WebhookDeliveryStatusEnum,
      description: 'Pending, delivered, or failed after every retry.',
    }),
    attempts: t.relation('attempts', {
      type: WebhookAttemptRef,
      description: 'Every try so far, oldest first; a redelivery adds its attempt here.',
      query: { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
    }),
    nextAttemptAt: t.expose('nextAttemptAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the next retry is due; null when none is planned.',
    }),
  }),
});

export const WebhookEndpointRef = builder.prismaNode('WebhookEndpoint', {
  id: { field: 'id' },
  nullable: true,
  description: "A partner's receiver of events, signed with Standard Webhooks.",
  fields: (t) => ({
    url: t.exposeString('url', { description: 'Where events are POSTed.' }),
    description: t.exposeString('description', {
      nullable: true,
      description: 'A note for people: what the endpoint is for.',
    }),
    eventTypes: t.field({
      type: [WebhookEventTypeEnum],
      description: 'The event types it is sent.',
      select: { eventTypes: true },
      resolve: (endpoint) => endpoint.eventTypes as PublicEventType[],
    }),
    status: t.field({
      type: WebhookEndpointStatusEnum,
      description: 'ACTIVE, or DISABLED by a person, by a 410 Gone, or after three days of failures.',
      select: { enabled: true },
      resolve: (endpoint) => (endpoint.enabled ? 'ACTIVE' : 'DISABLED'),
    }),
    disabledReason: t.exposeString('disabledReason', {
      nullable: true,
      description: 'Why it was disabled, in words; null once enabled again.',
    }),
    failureStreak: t.exposeInt('failureStreak', { description: 'Attempts that failed in a row.' }),
    failingSince: t.expose('failingSince', {
      type: 'DateTime',
      nullable: true,
      description: 'Since when every attempt failed; three days of it disables the endpoint.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was registered.' }),
    deliveries: t.relatedConnection('deliveries', {
      cursor: 'id',
      maxSize: 100,
      description: 'Newest first.',
      args: {
        status: t.arg({ type: WebhookDeliveryStatusEnum, description: 'Only deliveries in this status; all without.' }),
      },
      totalCount: true,
      query: ({ status }) => ({
        where: status ? { status } : {},
        orderBy: [{ seq: 'desc' }, { id: 'asc' }],
      }),
    }),
  }),
});

const CreatedWebhookEndpoint = builder
  .objectRef<{ endpoint: { id: string }; secret: string }>('CreatedWebhookEndpoint')
  .implement({
    description: 'An endpoint with its signing secret, the one time the secret is shown.',
    fields: (t) => ({
      endpoint: t.field({
        type: WebhookEndpointRef,
        nullable: false,
        description: 'The endpoint.',
        resolve: (created) => created.endpoint as never,
      }),
      secret: t.exposeString('secret', { description: '`whsec_…`: shown here once; store it now.' }),
    }),
  });

const CreateWebhookEndpointInput = builder.inputType('CreateWebhookEndpointInput', {
  description: 'A new endpoint: where, which events, and a note.',
  fields: (t) => ({
    url: t.string({ required: true, description: 'https:// (or http://) on the internet.' }),
    eventTypes: t.field({
      type: [WebhookEventTypeEnum],
      required: true,
      description: 'The event types to send it; at least one.',
    }),
    description: t.string({ description: 'A note for people: what the endpoint is for.' }),
  }),
});

const UpdateWebhookEndpointInput = builder.inputType('UpdateWebhookEndpointInput', {
  description: 'An endpoint and what changes; an omitted field stays as it is.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The endpoint.' }),
    url: t.string({ description: 'https:// (or http://) on the internet.' }),
    eventTypes: t.field({ type: [WebhookEventTypeEnum], description: 'The event types to send it; at least one.' }),
    description: t.string({ description: 'A note for people: what the endpoint is for.' }),
    enabled: t.boolean({ description: 'true after a disable delivers what waited meanwhile.' }),
  }),
});

builder.queryField('webhookEndpoints', (t) =>
  t.prismaField({
    type: ['WebhookEndpoint'],
    description: 'Every endpoint of the organization, oldest first.',
    resolve: (query, _root, _args, context) =>
      tenantDb(authenticated(context)).webhookEndpoint.findMany({
        ...query,
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      }),
  }),
);

builder.mutationField('createWebhookEndpoint', (t) =>
  t.field({
    type: CreatedWebhookEndpoint,
    description:
      'Registers an endpoint and makes its `whsec_…` secret, shown in the answer once. Addresses on loopback, private or link-local ranges are refused unless the operator allows them. ADMIN, or a key with webhooks:manage.',
    errors: {
      types: [ValidationError, ...ACCESS_ERRORS],
      dataField: { description: 'The endpoint and its secret.' },
    },
    args: {
      input: t.arg({
        type: CreateWebhookEndpointInput,
        required: true,
        description: 'Where, which events, and a note.',
      }),
    },
    resolve: (_root, { input }, context) =>
      createWebhookEndpoint(authenticated(context), {
        url: input.url,
        eventTypes: input.eventTypes as PublicEventType[],
        description: input.description,
      }),
  }),
);

builder.mutationField('updateWebhookEndpoint', (t) =>
  t.prismaField({
    type: 'WebhookEndpoint',
    description:
      'Changes an endpoint, or disables or enables it; enabling delivers what waited meanwhile. ADMIN, or a key with webhooks:manage.',
    errors: {
      types: [ValidationError, NotFoundError, ...ACCESS_ERRORS],
      dataField: { description: 'The endpoint, changed.' },
    },
    args: {
      input: t.arg({ type: UpdateWebhookEndpointInput, required: true, description: 'The endpoint and what changes.' }),
    },
    resolve: (_query, _root, { input }, context) =>
      updateWebhookEndpoint(authenticated(context), {
        ...input,
        id: rawId(String(input.id), 'WebhookEndpoint', 'Webhook endpoint'),
        eventTypes: input.eventTypes as PublicEventType[] | null | undefined,
      }),
  }),
);

builder.mutationField('rotateWebhookSecret', (t) =>
  t.field({
    type: CreatedWebhookEndpoint,
    description: 'A new secret, shown once. For 24 h the old one signs too (both signatures in the header).',
    errors: {
      types: [NotFoundError, ...ACCESS_ERRORS],
      dataField: { description: 'The endpoint and its new secret.' },
    },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, context) =>
      rotateWebhookSecret(authenticated(context), rawId(String(id), 'WebhookEndpoint', 'Webhook endpoint')),
  }),
);

builder.mutationField('deleteWebhookEndpoint', (t) =>
  t.field({
    type: 'ID',
    description: 'Removes the endpoint and its delivery log; answers its id.',
    errors: { types: [NotFoundError, ...ACCESS_ERRORS], dataField: { description: 'The removed endpoint’s id.' } },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, context) =>
      deleteWebhookEndpoint(authenticated(context), rawId(String(id), 'WebhookEndpoint', 'Webhook endpoint')),
  }),
);

builder.mutationField('redeliverWebhook', (t) =>
  t.prismaField({
    type: 'WebhookDelivery',
    description: 'Sends it again with the same webhook-id; the attempt joins its log.',
    errors: { types: [NotFoundError, ...ACCESS_ERRORS], dataField: { description: 'The delivery, queued again.' } },
    args: { deliveryId: t.arg.id({ required: true }) },
    resolve: (_query, _root, { deliveryId }, context) =>
      redeliverWebhook(authenticated(context), rawId(String(deliveryId), 'WebhookDelivery', 'Webhook delivery')),
  }),
);

builder.mutationField('recoverWebhookDeliveries', (t) =>
  t.int({
    description: 'Queues every FAILED delivery of the endpoint since `since` again; answers how many.',
    args: {
      endpointId: t.arg.id({ required: true }),
      since: t.arg({
        type: 'DateTime',
        required: true,
        description: 'Failed deliveries from this time on are queued.',
      }),
    },
    resolve: (_root, { endpointId, since }, context) =>
      recoverWebhookDeliveries(
        authenticated(context),
        rawIdOrNull(String(endpointId), 'WebhookEndpoint') ?? 'not-an-endpoint',
        since,
      ),
  }),
);

builder.mutationField('sendTestWebhook', (t) =>
  t.prismaField({
    type: 'WebhookDelivery',
    description: 'A `webhook.test` event to this endpoint alone, whatever types it subscribes to.',
    errors: { types: [NotFoundError, ...ACCESS_ERRORS], dataField: { description: 'The test delivery.' } },

    args: { endpointId: t.arg.id({ required: true }) },
    resolve: (_query, _root, { endpointId }, context) =>
      sendTestWebhook(authenticated(context), rawId(String(endpointId), 'WebhookEndpoint', 'Webhook endpoint')),
  }),
);
