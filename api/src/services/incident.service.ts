// Incidents from report to resolution: an SLA due time per severity, status changes by the rules of
// domain/incidents, the first response as personal contact, and a resolution the customer was
// satisfied with as a service recovery. Every change is stored, then published.
import type { AuthenticatedCaller } from '../auth/caller.ts';
import type { TenantTx } from '../db/client.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { FieldErrors, NotFoundError, ValidationError } from '../domain/errors.ts';
import { OPEN_INCIDENT_STATUSES } from '../domain/incidents/incident-status.ts';
import { slaDueAt } from '../domain/incidents/sla-due-at.ts';
import { checkStatusTransition } from '../domain/incidents/status-transition.ts';
import type { CustomerSatisfied, IncidentSeverity, IncidentStatus } from '../domain/types.ts';
import { runtime, tenantDb } from '../runtime.ts';
import { touchCustomers } from './event-effects.service.ts';
import { recordEvent } from './events.service.ts';
import { recordExperiences } from './experience.service.ts';
import { emitIncidentChanged, type ReportIncidentInput } from './incident-events.service.ts';
import { lockCustomers } from './ledger.service.ts';
import { writeTransaction } from './transaction.service.ts';
import { markForRecompute, recomputeWithinWrite } from './recompute.service.ts';
import { organizationSettings } from './organization-settings.service.ts';
import { cancelInvitationsOfIncident, inviteAfterResolve } from './invitation.service.ts';

export interface UpdateIncidentInput {
  id: string;
  status?: IncidentStatus | null;
  severity?: IncidentSeverity | null;
  /** A staff member's id; null takes the owner away. */
  ownerId?: string | null;
  /** True marks the first response to the customer. */
  responded?: boolean | null;
}

export interface ResolveIncidentInput {
  id: string;
  resolution: string;
  customerSatisfied: CustomerSatisfied;
  /** false: no CSAT invitation after this resolution (the organization's trigger otherwise decides). */
  askCustomer?: boolean | null;
}

const MAX_RESOLUTION = 5000;

/** Opens an incident (a bad experience of its customer); returns its id. */
export function reportIncident(caller: AuthenticatedCaller, input: ReportIncidentInput): Promise<string> {
  return recordEvent(caller, { incident: input });
}

/**
 * The incident's row, locked until the transaction ends, so concurrent changes apply one after
 * the other; its customer is locked first (the lock order of transaction.service.ts).
 */
async function lockIncident(tx: TenantTx, organizationId: string, id: string) {
  const found = await tx.incident.findUnique({ where: { id }, select: { customerId: true } });
  if (!found) throw new NotFoundError('Incident');
  await lockCustomers(tx, organizationId, [found.customerId]);
  await tx.$executeRaw(
    Prisma.sql`SELECT 1 FROM "Incident" WHERE id = ${id} AND "organizationId" = ${organizationId} FOR NO KEY UPDATE`,
  );
  return tx.incident.findUniqueOrThrow({ where: { id } });
}

/**
 * Changes an incident's status, severity, owner or first response. A status change follows the
 * rules (the error lists what is allowed); reopening a resolved incident undoes its resolution and
 * its recovery. A new severity moves the due time, counted from the opening.
 */
export async function updateIncident(caller: AuthenticatedCaller, input: UpdateIncidentInput) {
  const now = runtime().clock.now();
  const settings = await organizationSettings(caller);
  const updated = await writeTransaction(caller.organizationId, async (tx) => {
    const incident = await lockIncident(tx, caller.organizationId, input.id);
    const problems = new FieldErrors();
    const data: Prisma.IncidentUncheckedUpdateInput = {};
    let reopens = false;
    if (input.status) {
      const transition = checkStatusTransition(incident.status, input.status);
      if (!transition.ok) problems.add(['input', 'status'], transition.message);
      else if (transition.changed) {
        data.status = input.status;
        reopens = transition.reopens;
        if (input.status === 'RESOLVED') data.resolvedAt = now;
        // A reopened incident is unresolved again: its resolution no longer holds.
        if (reopens) {
          data.resolvedAt = null;
          data.resolution = null;
          data.customerSatisfied = 'UNKNOWN';
          data.customerSatisfiedSource = null;
        }
      }
    }
    if (input.severity && input.severity !== incident.severity) {
      // A closed incident's SLA verdict is history.
      if (incident.status === 'CLOSED')
        problems.add(['input', 'severity'], 'A CLOSED incident is final: its severity no longer changes.');
      data.severity = input.severity;
      data.slaDueAt = slaDueAt(incident.openedAt, input.severity, settings.slaHours);
    }
    if (input.ownerId !== undefined && input.ownerId !== incident.ownerId) {
      const owner = input.ownerId
        ? await tx.user.findUnique({ where: { id: input.ownerId }, select: { active: true } })
        : null;
      if (input.ownerId && !owner?.active)
        problems.add(['input', 'ownerId'], 'No active staff member of your organization has this id.');
      data.ownerId = input.ownerId;
    }
    const firstResponse = input.responded === true && incident.firstResponseAt === null;
    if (firstResponse) data.firstResponseAt = now;
    problems.throwIfAny();
    if (Object.keys(data).length === 0) return { incident, changed: false };
    if (reopens) {
      await tx.experience.deleteMany({ where: { incidentId: incident.id, kind: 'RECOVERY' } });
      await cancelInvitationsOfIncident(tx, incident.id);
    }
    // The first response is a person talking to the customer: it counts against IGNORED.
    if (firstResponse)
      await touchCustomers(tx, caller.organizationId, [
        { customerId: incident.customerId, occurredAt: now, personalContact: true },
      ]);
    await markForRecompute(tx, [incident.customerId], now);
    const changed = await tx.incident.update({ where: { id: incident.id }, data });
    await recomputeWithinWrite(tx, caller.organizationId, [incident.customerId], settings, now, {
      customersLocked: true,
    });
    emitIncidentChanged(tx, changed);
    return { incident: changed, changed: true };
  });
  return updated.incident;
}

/**
 * Resolves an open incident. Conditional on it being open, so of two resolutions at once one
 * resolves and the other is told it is resolved. A satisfied customer makes it a recovery.
 */
export async function resolveIncident(caller: AuthenticatedCaller, input: ResolveIncidentInput) {
  const resolution = input.resolution.trim();
  if (resolution === '' || resolution.length > MAX_RESOLUTION)
    throw ValidationError.at(['input', 'resolution'], 'Say how it was resolved, in 1 to 5 000 characters.');
  const settings = await organizationSettings(caller);
  const now = runtime().clock.now();
  const incident = await writeTransaction(caller.organizationId, async (tx) => {
    await lockIncident(tx, caller.organizationId, input.id);
    const { count } = await tx.incident.updateMany({
      where: { id: input.id, status: { in: [...OPEN_INCIDENT_STATUSES] } },
      data: {
        status: 'RESOLVED',
        resolvedAt: now,
        resolution,
        customerSatisfied: input.customerSatisfied,
        customerSatisfiedSource: input.customerSatisfied === 'UNKNOWN' ? null : 'STAFF',
      },
    });
    const incident = await tx.incident.findUniqueOrThrow({ where: { id: input.id } });
    if (count === 0) {
      throw ValidationError.at(
        ['input', 'id'],
        `An incident that is ${incident.status} cannot be resolved: only ${OPEN_INCIDENT_STATUSES.join(' or ')} ones can.`,
      );
    }
    if (input.customerSatisfied === 'YES') {
      await recordExperiences(tx, caller.organizationId, [
        {
          customerId: incident.customerId,
          kind: 'RECOVERY',
          cause: 'INCIDENT',
          incidentId: incident.id,
          occurredAt: now,
        },
      ]);
    }
    if (input.askCustomer !== false) await inviteAfterResolve(tx, caller.organizationId, incident, settings, now);
    await markForRecompute(tx, [incident.customerId], now);
    await recomputeWithinWrite(tx, caller.organizationId, [incident.customerId], settings, now, {
      customersLocked: true,
    });
    emitIncidentChanged(tx, incident);
    return incident;
  });
  return incident;
}

export interface IncidentFilter {
  statuses?: IncidentStatus[] | null;
  severities?: IncidentSeverity[] | null;
}

export function incidentWhere(filter: IncidentFilter | null | undefined): Prisma.IncidentWhereInput {
  return {
    ...(filter?.statuses?.length ? { status: { in: filter.statuses } } : {}),
    ...(filter?.severities?.length ? { severity: { in: filter.severities } } : {}),
  };
}

const SEVERITIES_BY_URGENCY: IncidentSeverity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];

/** "Most urgent first" (domain/incidents/incident-urgency.ts) as an ascending SQL sort key. */
function urgencyKey(alias: string): Prisma.Sql[] {
  const column = (name: string) => Prisma.raw(`${alias}."${name}"`);
  return [
    Prisma.sql`(CASE WHEN ${column('status')}::text = ANY(${[...OPEN_INCIDENT_STATUSES]}::text[]) THEN 0 ELSE 1 END)`,
    Prisma.sql`${column('slaDueAt')}`,
    Prisma.sql`array_position(${SEVERITIES_BY_URGENCY}::text[], ${column('severity')}::text)`,
    Prisma.sql`${column('openedAt')}`,
    Prisma.sql`${column('id')}`,
  ];
}

/**
 * One page of incident ids, most urgent first, in a single sorted query: `take` rows after the
 * incident `after` (before it when `take` is negative, as a Relay `last`), keyed on the whole sort
 * key so a page never skips or repeats an incident.
 */
export async function incidentIdsByUrgency(
  caller: AuthenticatedCaller,
  filter: IncidentFilter | null | undefined,
  page: { after?: string; take: number },
): Promise<string[]> {
  const forward = page.take >= 0;
  const conditions = [Prisma.sql`i."organizationId" = ${caller.organizationId}`];
  if (filter?.statuses?.length) conditions.push(Prisma.sql`i.status::text = ANY(${filter.statuses}::text[])`);
  if (filter?.severities?.length) conditions.push(Prisma.sql`i.severity::text = ANY(${filter.severities}::text[])`);
  if (page.after) {
    conditions.push(Prisma.sql`(${Prisma.join(urgencyKey('i'))}) ${Prisma.raw(forward ? '>' : '<')} (
      SELECT ${Prisma.join(urgencyKey('c'))} FROM "Incident" c
      WHERE c.id = ${page.after} AND c."organizationId" = ${caller.organizationId})`);
  }
  const direction = Prisma.raw(forward ? 'ASC' : 'DESC');
  const rows = await tenantDb(caller).$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT i.id FROM "Incident" i
    WHERE ${Prisma.join(conditions, ' AND ')}
    ORDER BY ${Prisma.join(urgencyKey('i').map((key) => Prisma.sql`${key} ${direction}`))}
    LIMIT ${Math.abs(page.take)}`);
  const ids = rows.map((row) => row.id);
  return forward ? ids : ids.reverse();
}
