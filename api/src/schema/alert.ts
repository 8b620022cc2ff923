import { filter, pipe } from 'graphql-yoga';
import { builder } from './builder.ts';
import { AlertKindEnum, AlertSeverityEnum, AlertStatusEnum, LocaleEnum, RiskLevelEnum } from './enums.ts';
import { ACCESS_ERRORS } from './errors.ts';
import { rawId, rawIdOrNull } from './ids.ts';
import { readerLocale } from '../context.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import type { AlertSeverity, Locale, RiskLevel } from '../domain/types.ts';
import { renderAlert, type AlertText } from '../domain/alerts/alert-text.ts';
import { renderResolutionNote } from '../domain/alerts/resolution-note.ts';
import { riskLevelRank } from '../domain/risk/risk-level.ts';
import { isTimeZone } from '../domain/settings.ts';
import { authenticated } from '../auth/caller.ts';
import { runtime, tenantDb } from '../runtime.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import {
  MAX_ALERTS_PER_ACTION,
  acknowledgeAlert,
  acknowledgeAlerts,
  assignAlert,
  assignAlerts,
  resolveAlert,
  resolveAlerts,
} from '../services/alert.service.ts';
import { isTopSpenderNow } from '../services/top-spenders.service.ts';
import type { AlertEvent } from '../pubsub.ts';
import type { Context } from '../context.ts';
import { shared } from '../shared.ts';

type AlertRow = {
  reason: string;
  reasonParams: unknown;
  status: string;
  customer: { riskLevel: string; riskScore: number };
};

/** What to render: an open churn-risk alert also says where the risk is now, so it never claims a level left behind. */
const paramsNow = (alert: AlertRow): unknown =>
  alert.reason === 'CHURN_RISK' && alert.status !== 'RESOLVED'
    ? { ...(alert.reasonParams as object), nowLevel: alert.customer.riskLevel, nowScore: alert.customer.riskScore }
    : alert.reasonParams;

const TEXT_SELECT = {
  reason: true,
  reasonParams: true,
  status: true,
  customer: { select: { riskLevel: true, riskScore: true } },
} as const;
const renderedTexts = new WeakMap<AlertRow, Map<string, AlertText>>();

/**
 * An alert's words in a language, rendered once per row: the subscribers of one event share the
 * row (see readAlert), so however many boards show it, it is rendered once per language.
 */
function alertText(
  alert: AlertRow,
  { locale, timeZone }: { locale?: Locale | null; timeZone?: string | null },
  context: Context,
): AlertText | Promise<AlertText> {
  const language = locale ?? readerLocale(context);
  if (language instanceof Promise)
    return language.then((known) => alertText(alert, { locale: known, timeZone }, context));
  // A zone Intl does not know gives UTC, which the text then names: still true, never an error.
  const zone = timeZone && isTimeZone(timeZone) ? timeZone : 'UTC';
  let byLanguage = renderedTexts.get(alert);
  if (!byLanguage) renderedTexts.set(alert, (byLanguage = new Map()));
  const key = `${language}/${zone}`;
  let text = byLanguage.get(key);
  if (!text) byLanguage.set(key, (text = renderAlert(alert.reason, paramsNow(alert), language, zone)));
  return text;
}

function textPart(text: AlertText | Promise<AlertText>, part: keyof AlertText): string | Promise<string> {
  return text instanceof Promise ? text.then((known) => known[part]) : text[part];
}

const SEVERITY_RANK: Record<AlertSeverity, number> = { INFO: 0, WARNING: 1, CRITICAL: 2 };

const TIME_ZONE_ARG = {
  description:
    "An IANA time zone for the times in the text, e.g. Europe/Copenhagen: they read as the reader's page shows times. Default (and for a name not known): UTC, named as such.",
};

export const AlertNode = builder.prismaNode('Alert', {
  id: { field: 'id' },
  nullable: true,
  description: 'Something a manager should act on. At most one is open per kind and customer (or incident).',
  fields: (t) => ({
    kind: t.expose('kind', { type: AlertKindEnum, description: 'What raised it.' }),
    severity: t.expose('severity', {
      type: AlertSeverityEnum,
      description: 'How urgent it is; an open alert is escalated when its cause worsens.',
    }),
    customer: t.relation('customer', { description: 'The customer it is about.' }),
    incident: t.relation('incident', {
      nullable: true,
      description: 'The incident it is about, if any: INCIDENT and SLA_BREACH alerts have one.',
    }),
    title: t.string({
      description:
        "What happened, in the reader's language (or the one asked for). An open CHURN_RISK alert names the customer's current level.",
      args: {
        locale: t.arg({ type: LocaleEnum, description: "Default: the reader's language." }),
        timeZone: t.arg.string(TIME_ZONE_ARG),
      },
      select: TEXT_SELECT,
      resolve: (alert, args, context) => textPart(alertText(alert, args, context), 'title'),
    }),
    message: t.string({
      description:
        "What happened and what to do, in the reader's language (or the one asked for), its times in `timeZone`.",
      args: {
        locale: t.arg({ type: LocaleEnum, description: "Default: the reader's language." }),
        timeZone: t.arg.string(TIME_ZONE_ARG),
      },
      select: TEXT_SELECT,
      resolve: (alert, args, context) => textPart(alertText(alert, args, context), 'message'),
    }),
    status: t.expose('status', { type: AlertStatusEnum, description: 'Where it stands.' }),
    topSpender: t.boolean({
      description:
        "The stakes: whether the customer is in the organization's top 10% by 12-month spend (in its default currency), as of now. The dashboard's board puts these first within a severity.",
      select: { customerId: true },
      resolve: (alert, _args, context) => isTopSpenderNow(authenticated(context), alert.customerId),
    }),
    assignee: t.relation('assignee', {
      nullable: true,
      description: 'The staff member it is assigned to; null: nobody.',
    }),
    acknowledgedBy: t.relation('acknowledgedBy', {
      nullable: true,
      description: 'Who acknowledged it; null until someone does.',
    }),
    acknowledgedAt: t.expose('acknowledgedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was acknowledged; null until it is.',
    }),
    resolvedAt: t.expose('resolvedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was resolved; null while open.',
    }),
    resolvedBy: t.relation('resolvedBy', {
      nullable: true,
      description: 'Who resolved it; null while open or when it resolved itself.',
    }),
    resolutionNote: t.string({
      nullable: true,
      description: 'Why the alert resolved itself (its cause went away); null when a person resolved it.',
      args: { locale: t.arg({ type: LocaleEnum, description: "Default: the reader's language." }) },
      select: { resolutionNote: true },
      resolve: async (alert, { locale }, context) =>
        alert.resolutionNote
          ? renderResolutionNote(alert.resolutionNote, locale ?? (await readerLocale(context)))
          : null,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was raised.' }),
    updatedAt: t.expose('updatedAt', {
      type: 'DateTime',
      description: 'Changed when escalated, acknowledged, assigned or resolved.',
    }),
  }),
});

const AlertFilter = builder.inputType('AlertFilter', {
  description: 'Which alerts to list; every condition given must hold.',
  fields: (t) => ({
    statuses: t.field({
      type: [AlertStatusEnum],
      description: 'Only alerts in one of these statuses; all when empty.',
    }),
    kinds: t.field({ type: [AlertKindEnum], description: 'Only alerts of one of these kinds; all when empty.' }),
  }),
});

const AlertSubscriptionFilter = builder.inputType('AlertSubscriptionFilter', {
  description: 'Which new alerts to receive; every condition given must hold.',
  fields: (t) => ({
    kinds: t.field({ type: [AlertKindEnum], description: 'Only alerts of one of these kinds; all when empty.' }),
    minSeverity: t.field({ type: AlertSeverityEnum, description: 'Only alerts at least this severe.' }),
  }),
});

function alertWhere(
  filterInput: typeof AlertFilter.$inferInput | null | undefined,
  since: Date | null | undefined,
): Prisma.AlertWhereInput {
  return {
    ...(filterInput?.statuses?.length ? { status: { in: filterInput.statuses } } : {}),
    ...(filterInput?.kinds?.length ? { kind: { in: filterInput.kinds } } : {}),
    // Inclusive: one recompute stamps all its alerts with the same instant, so a client that passes
    // the updatedAt of the last alert it saw must still get the others of that instant.
    ...(since ? { updatedAt: { gte: since } } : {}),
  };
}

builder.queryField('alerts', (t) =>
  t.prismaConnection({
    type: 'Alert',
    cursor: 'id',
    maxSize: 100,
    description:
      'Newest first. `since`: every alert created or changed at or after that time (`updatedAt >= since`), to catch up after a reconnect: pass the `updatedAt` of the last alert you saw. Alerts changed at that same instant come again, so de-duplicate by `id`, keeping the newest `updatedAt`. A change is stamped when the work that made it starts, so one stamped a few seconds earlier can be stored after the one you saw: stepping `since` back a little (the dashboard uses 10 s) catches those too.',
    args: {
      filter: t.arg({ type: AlertFilter, description: 'Which alerts; all when left out.' }),
      since: t.arg({ type: 'DateTime', description: 'Only alerts created or changed at or after this time.' }),
    },
    totalCount: (_connection, { filter: alertFilter, since }, context) =>
      tenantDb(authenticated(context)).alert.count({ where: alertWhere(alertFilter, since) }),
    resolve: (query, _root, { filter: alertFilter, since }, context) =>
      tenantDb(authenticated(context)).alert.findMany({
        ...query,
        where: alertWhere(alertFilter, since),
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      }),
  }),
);

builder.prismaObjectField('Customer', 'alerts', (t) =>
  t.relatedConnection('alerts', {
    cursor: 'id',
    maxSize: 100,
    totalCount: true,
    description: 'Newest first; `statuses` to see only open ones, say.',
    args: {
      statuses: t.arg({
        type: [AlertStatusEnum],
        description: 'Only alerts in one of these statuses; all when empty.',
      }),
    },
    query: ({ statuses }) => ({
      where: statuses?.length ? { status: { in: statuses } } : {},
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    }),
  }),
);

builder.mutationField('acknowledgeAlert', (t) =>
  t.prismaField({
    type: 'Alert',
    description:
      'Marks an OPEN alert as seen by you (ACKNOWLEDGED); it stays unresolved. One already acknowledged or resolved stays as it is. MANAGER and up.',
    errors: { types: [NotFoundError, ...ACCESS_ERRORS], dataField: { description: 'The alert, acknowledged.' } },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_query, _root, { id }, context) => acknowledgeAlert(authenticated(context), rawId(String(id), 'Alert')),
  }),
);

builder.mutationField('assignAlert', (t) =>
  t.prismaField({
    type: 'Alert',
    description: 'Gives the alert to a staff member to act on, or takes it from them. MANAGER and up.',
    errors: {
      types: [ValidationError, NotFoundError, ...ACCESS_ERRORS],
      dataField: { description: 'The alert with its new assignee.' },
    },
    args: {
      input: t.arg({
        description: 'The alert and who gets it.',
        type: builder.inputType('AssignAlertInput', {
          description: 'An alert and the staff member to assign it to.',
          fields: (f) => ({
            id: f.id({ required: true }),
            assigneeId: f.id({ description: 'A staff member; null unassigns.' }),
          }),
        }),
        required: true,
      }),
    },
    resolve: (_query, _root, { input }, context) =>
      assignAlert(
        authenticated(context),
        rawId(String(input.id), 'Alert'),
        input.assigneeId == null ? null : (rawIdOrNull(String(input.assigneeId), 'User') ?? 'not-a-user'),
      ),
  }),
);

builder.mutationField('resolveAlert', (t) =>
  t.prismaField({
    type: 'Alert',
    description:
      'Closes the alert as dealt with; TWO_STRIKES and DETRACTOR alerts close only this way. MANAGER and up.',
    errors: { types: [NotFoundError, ...ACCESS_ERRORS], dataField: { description: 'The alert, resolved.' } },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_query, _root, { id }, context) => resolveAlert(authenticated(context), rawId(String(id), 'Alert')),
  }),
);

// The board's bulk actions: several alerts in one request and one transaction (all or nothing),
// each changed alert published as its own alertUpdated, as if changed one by one.
const alertIds = (ids: readonly (string | number)[]) => ids.map((id) => rawId(String(id), 'Alert'));
const BULK = `At most ${MAX_ALERTS_PER_ACTION} alerts; an unknown id changes none of them.`;

builder.mutationField('acknowledgeAlerts', (t) =>
  t.prismaField({
    type: ['Alert'],
    description: `acknowledgeAlert for several alerts at once: those OPEN become ACKNOWLEDGED, the others stay as they are. ${BULK} MANAGER and up.`,
    errors: {
      types: [ValidationError, NotFoundError, ...ACCESS_ERRORS],
      dataField: { description: 'The alerts, in the order asked for.' },
    },
    args: { ids: t.arg.idList({ required: true, description: 'The alerts to acknowledge.' }) },
    resolve: (_query, _root, { ids }, context) => acknowledgeAlerts(authenticated(context), alertIds(ids)),
  }),
);

builder.mutationField('assignAlerts', (t) =>
  t.prismaField({
    type: ['Alert'],
    description: `assignAlert for several alerts at once. ${BULK} MANAGER and up.`,
    errors: {
      types: [ValidationError, NotFoundError, ...ACCESS_ERRORS],
      dataField: { description: 'The alerts with their new assignee, in the order asked for.' },
    },
    args: {
      input: t.arg({
        description: 'The alerts and who gets them.',
        type: builder.inputType('AssignAlertsInput', {
          description: 'Alerts and the staff member to assign them to.',
          fields: (f) => ({
            ids: f.idList({ required: true, description: 'The alerts.' }),
            assigneeId: f.id({ description: 'A staff member; null unassigns.' }),
          }),
        }),
        required: true,
      }),
    },
    resolve: (_query, _root, { input }, context) =>
      assignAlerts(
        authenticated(context),
        alertIds(input.ids),
        input.assigneeId == null ? null : (rawIdOrNull(String(input.assigneeId), 'User') ?? 'not-a-user'),
      ),
  }),
);

builder.mutationField('resolveAlerts', (t) =>
  t.prismaField({
    type: ['Alert'],
    description: `resolveAlert for several alerts at once. ${BULK} MANAGER and up.`,
    errors: {
      types: [ValidationError, NotFoundError, ...ACCESS_ERRORS],
      dataField: { description: 'The alerts, resolved, in the order asked for.' },
    },
    args: { ids: t.arg.idList({ required: true, description: 'The alerts to resolve.' }) },
    resolve: (_query, _root, { ids }, context) => resolveAlerts(authenticated(context), alertIds(ids)),
  }),
);

/** One read of the alert per event and distinct selection, shared by the organization's subscribers. */
function readAlert(query: object, event: AlertEvent, context: Context) {
  const caller = authenticated(context);
  return shared(`alert:${caller.organizationId}:${event.alertId}:${event.eventId}:${JSON.stringify(query)}`, () =>
    tenantDb(caller).alert.findUniqueOrThrow({ ...query, where: { id: event.alertId } }),
  );
}

builder.subscriptionType({
  description:
    'Live changes of your organization over graphql-ws (authenticate in `connection_init`) or SSE. Each event is stored before it is sent.',
});

builder.subscriptionField('alertRaised', (t) =>
  t.prismaField({
    type: 'Alert',
    description:
      'Alerts raised in your organization, as they are stored. After a reconnect, fetch what you missed with `alerts(since:)`.',
    args: { filter: t.arg({ type: AlertSubscriptionFilter, description: 'Which alerts; all when left out.' }) },
    subscribe: (_root, { filter: wanted }, context) => {
      const events = runtime().pubsub.subscribe('alertRaised', authenticated(context).organizationId);
      // Every stage of a pipe is another async step per event and subscriber: none when unfiltered.
      if (!wanted?.kinds?.length && !wanted?.minSeverity) return events;
      return pipe(
        events,
        filter(
          (event) =>
            (!wanted.kinds?.length || wanted.kinds.includes(event.kind)) &&
            (!wanted.minSeverity || SEVERITY_RANK[event.severity] >= SEVERITY_RANK[wanted.minSeverity]),
        ),
      );
    },
    resolve: (query, event, _args, context) => readAlert(query, event as AlertEvent, context),
  }),
);

builder.subscriptionField('alertUpdated', (t) =>
  t.prismaField({
    type: 'Alert',
    description: 'Alerts escalated, acknowledged, assigned or resolved (by a person or by themselves).',
    subscribe: (_root, _args, context) =>
      runtime().pubsub.subscribe('alertUpdated', authenticated(context).organizationId),
    resolve: (query, event, _args, context) => readAlert(query, event as AlertEvent, context),
  }),
);

builder.subscriptionField('churnRiskChanged', (t) =>
  t.prismaField({
    type: 'Customer',
    description:
      'Customers whose churn risk changed, at or above `minLevel` if given; only one customer if `customerId` is.',
    args: {
      minLevel: t.arg({ type: RiskLevelEnum, description: 'Only customers whose new level is at least this.' }),
      customerId: t.arg.id(),
    },
    subscribe: (_root, { minLevel, customerId }, context) => {
      const only = customerId == null ? null : rawIdOrNull(String(customerId), 'Customer');
      const events = runtime().pubsub.subscribe('churnRiskChanged', authenticated(context).organizationId);
      if (!minLevel && customerId == null) return events;
      return pipe(
        events,
        filter(
          (event) =>
            (!minLevel || riskLevelRank(event.level) >= riskLevelRank(minLevel as RiskLevel)) &&
            (customerId == null || event.customerId === only),
        ),
      );
    },
    resolve: (query, event, _args, context) => {
      const caller = authenticated(context);
      const { customerId, eventId } = event as { customerId: string; eventId: string };
      return shared(`customer:${caller.organizationId}:${customerId}:${eventId}:${JSON.stringify(query)}`, () =>
        tenantDb(caller).customer.findUniqueOrThrow({ ...query, where: { id: customerId } }),
      );
    },
  }),
);

builder.subscriptionField('incidentChanged', (t) =>
  t.prismaField({
    type: 'Incident',
    description: 'Incidents reported, responded to, changed or resolved in your organization.',
    subscribe: (_root, _args, context) =>
      runtime().pubsub.subscribe('incidentChanged', authenticated(context).organizationId),
    resolve: (query, event, _args, context) => {
      const caller = authenticated(context);
      const { incidentId, eventId } = event as { incidentId: string; eventId: string };
      return shared(`incident:${caller.organizationId}:${incidentId}:${eventId}:${JSON.stringify(query)}`, () =>
        tenantDb(caller).incident.findUniqueOrThrow({ ...query, where: { id: incidentId } }),
      );
    },
  }),
);
