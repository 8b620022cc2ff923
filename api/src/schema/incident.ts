import { builder } from './builder.ts';
import {
  CustomerSatisfiedEnum,
  SatisfactionSourceEnum,
  IncidentCategoryEnum,
  IncidentSeverityEnum,
  IncidentStatusEnum,
} from './enums.ts';
import { ACCESS_ERRORS } from './errors.ts';
import { CustomerRef, customerRef } from './customer.ts';
import { IDEMPOTENCY_KEY } from './idempotency.ts';
import { rawId, rawIdOrNull } from './ids.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { isSlaBreached } from '../domain/incidents/sla-breached.ts';
import { authenticated } from '../auth/caller.ts';
import { runtime, tenantDb } from '../runtime.ts';
import {
  incidentIdsByUrgency,
  incidentWhere,
  reportIncident,
  resolveIncident,
  updateIncident,
} from '../services/incident.service.ts';
import type { ReportIncidentInput as ReportIncidentValue } from '../services/incident-events.service.ts';

export const IncidentNode = builder.prismaNode('Incident', {
  id: { field: 'id' },
  nullable: true,
  description: 'Something that went wrong for a customer, from report to resolution, with an SLA due time.',
  fields: (t) => ({
    customer: t.relation('customer', { description: 'Who it happened to.' }),
    title: t.exposeString('title', { description: 'What went wrong, in a line.' }),
    description: t.exposeString('description', { nullable: true, description: 'The details; null when none.' }),
    category: t.expose('category', { type: IncidentCategoryEnum, description: 'What it is about.' }),
    severity: t.expose('severity', {
      type: IncidentSeverityEnum,
      description: 'How bad it is; sets the SLA due time.',
    }),
    status: t.expose('status', { type: IncidentStatusEnum, description: 'Where it stands.' }),
    source: t.exposeString('source', { nullable: true, description: 'Where it came from; default: who reported it.' }),
    owner: t.relation('owner', { nullable: true, description: 'The staff member working on it; null: nobody.' }),
    openedAt: t.expose('openedAt', { type: 'DateTime', description: 'When it was opened; the SLA counts from here.' }),
    firstResponseAt: t.expose('firstResponseAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When someone first responded to the customer (a personal contact); null until then.',
    }),
    resolvedAt: t.expose('resolvedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was resolved; null while open.',
    }),
    slaDueAt: t.expose('slaDueAt', {
      type: 'DateTime',
      description: "Opened plus the organization's SLA target for the severity.",
    }),
    slaBreached: t.boolean({
      description: 'Open past its due time, or resolved after it.',
      select: { status: true, slaDueAt: true, resolvedAt: true },
      resolve: (incident) => isSlaBreached(incident, runtime().clock.now()),
    }),
    resolution: t.exposeString('resolution', { nullable: true, description: 'How it was resolved; null while open.' }),
    customerSatisfied: t.expose('customerSatisfied', {
      type: CustomerSatisfiedEnum,
      description: 'YES makes the incident a service recovery.',
    }),
    customerSatisfiedSource: t.expose('customerSatisfiedSource', {
      type: SatisfactionSourceEnum,
      nullable: true,
      description:
        "Who said so: staff when resolving, or the customer's own CSAT answer, which overrides staff. Null while UNKNOWN.",
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When Trofast recorded it.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it last changed.' }),
  }),
});

builder.prismaObjectField('Customer', 'incidents', (t) =>
  t.relatedConnection('incidents', {
    cursor: 'id',
    maxSize: 100,
    totalCount: true,
    description: 'Newest first.',
    query: { orderBy: [{ openedAt: 'desc' }, { id: 'asc' }] },
  }),
);

const IncidentFilter = builder.inputType('IncidentFilter', {
  description: 'Which incidents to list; every condition given must hold.',
  fields: (t) => ({
    statuses: t.field({
      type: [IncidentStatusEnum],
      description: 'Only incidents in one of these statuses; all when empty.',
    }),
    severities: t.field({
      type: [IncidentSeverityEnum],
      description: 'Only incidents of one of these severities; all when empty.',
    }),
  }),
});

builder.queryField('incidents', (t) =>
  t.prismaConnection({
    type: 'Incident',
    cursor: 'id',
    maxSize: 100,
    description:
      'Most urgent first: open before resolved and closed, then the earliest due (the longest overdue lead), the more severe, the longest open.',
    args: { filter: t.arg({ type: IncidentFilter, description: 'Which incidents; all when left out.' }) },
    totalCount: (_connection, { filter }, context) =>
      tenantDb(authenticated(context)).incident.count({ where: incidentWhere(filter) }),
    resolve: async (query, _root, { filter }, context) => {
      const caller = authenticated(context);
      const { take, skip: _skip, cursor, ...selection } = query;
      const ids = await incidentIdsByUrgency(caller, filter, { after: cursor?.id, take });
      const incidents = await tenantDb(caller).incident.findMany({ ...selection, where: { id: { in: ids } } });
      const byId = new Map(incidents.map((incident) => [incident.id, incident]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
  }),
);

export const ReportIncidentInput = builder.inputType('ReportIncidentInput', {
  description: 'An incident to open.',
  fields: (t) => ({
    customer: t.field({ type: CustomerRef, required: true, description: 'Who it happened to; they must exist.' }),
    title: t.string({ required: true }),
    description: t.string(),
    category: t.field({ type: IncidentCategoryEnum, required: true, description: 'What it is about.' }),
    severity: t.field({
      type: IncidentSeverityEnum,
      required: true,
      description: 'How bad it is; HIGH and CRITICAL raise an INCIDENT alert.',
    }),
    source: t.string({ description: 'e.g. "Support desk" or "Customer, by email"; default: who reported it.' }),
    occurredAt: t.field({ type: 'DateTime', description: 'When it was opened. Default: now.' }),
  }),
});

/** The input with its customer ref opened, for reportIncident and recordEvents. */
export function incidentInput(input: typeof ReportIncidentInput.$inferInput): ReportIncidentValue {
  return { ...input, customer: customerRef(input.customer) };
}

builder.mutationField('reportIncident', (t) =>
  t.field({
    type: IncidentNode,
    description:
      "Opens an incident, due by the organization's SLA target for its severity. Every incident counts as a bad experience of its customer. AGENT and up, or a key with `events:write`.",
    errors: {
      types: [ValidationError, NotFoundError, ...ACCESS_ERRORS],
      dataField: { description: 'The incident opened.' },
    },
    args: {
      input: t.arg({ type: ReportIncidentInput, required: true, description: 'The incident.' }),
      idempotencyKey: t.arg.string(IDEMPOTENCY_KEY),
    },
    resolve: async (_root, { input }, context) => {
      const caller = authenticated(context);
      const id = await reportIncident(caller, incidentInput(input));
      return tenantDb(caller).incident.findUniqueOrThrow({ where: { id } });
    },
  }),
);

const UpdateIncidentInput = builder.inputType('UpdateIncidentInput', {
  description: 'Changes to an incident: what is left out stays as it is. Resolve with `resolveIncident`.',
  fields: (t) => ({
    id: t.id({ required: true }),
    status: t.field({
      type: IncidentStatusEnum,
      description:
        'OPEN → IN_PROGRESS → RESOLVED → CLOSED (OPEN → RESOLVED too). A RESOLVED incident can be reopened; CLOSED is final.',
    }),
    severity: t.field({ type: IncidentSeverityEnum, description: 'Moves the due time, counted from the opening.' }),
    ownerId: t.id({ description: 'A staff member of the organization; null: nobody.' }),
    responded: t.boolean({
      description: 'true marks the first response (sets firstResponseAt once); it counts as personal contact.',
    }),
  }),
});

builder.mutationField('updateIncident', (t) =>
  t.field({
    type: IncidentNode,
    description: 'Moves an incident along: status, severity, owner, first response. AGENT and up.',
    errors: {
      types: [ValidationError, NotFoundError, ...ACCESS_ERRORS],
      dataField: { description: 'The incident as changed.' },
    },
    args: {
      input: t.arg({ type: UpdateIncidentInput, required: true, description: 'Which incident, and what changes.' }),
    },
    resolve: (_root, { input }, context) =>
      updateIncident(authenticated(context), {
        ...input,
        id: rawId(String(input.id), 'Incident'),
        ownerId: input.ownerId == null ? input.ownerId : (rawIdOrNull(String(input.ownerId), 'User') ?? 'not-a-user'),
      }),
  }),
);

const ResolveIncidentInput = builder.inputType('ResolveIncidentInput', {
  description: 'How an incident was resolved.',
  fields: (t) => ({
    id: t.id({ required: true }),
    resolution: t.string({ required: true, description: 'How it was resolved.' }),
    customerSatisfied: t.field({
      type: CustomerSatisfiedEnum,
      required: true,
      description: 'Whether the customer was satisfied; YES lowers their churn risk (RECOVERED).',
    }),
    askCustomer: t.boolean({
      description: "false: no CSAT invitation after this resolution; otherwise the organization's trigger decides.",
    }),
  }),
});

builder.mutationField('resolveIncident', (t) =>
  t.field({
    type: IncidentNode,
    description:
      'Resolves an open incident once; with customerSatisfied YES it is a service recovery. Its INCIDENT and SLA_BREACH alerts resolve themselves. AGENT and up.',
    errors: {
      types: [ValidationError, NotFoundError, ...ACCESS_ERRORS],
      dataField: { description: 'The incident, resolved.' },
    },
    args: { input: t.arg({ type: ResolveIncidentInput, required: true, description: 'Which incident, and how.' }) },
    resolve: (_root, { input }, context) =>
      resolveIncident(authenticated(context), { ...input, id: rawId(String(input.id), 'Incident') }),
  }),
);
