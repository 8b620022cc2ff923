// Incidents as recordEvents stores them (reportIncident is a batch of one): due by the
// organization's SLA target for their severity, sourced from whoever reported them unless told
// otherwise, and each one a bad experience of its customer.
import type { AuthenticatedCaller } from '../auth/caller.ts';
import type { TenantTx } from '../db/client.ts';
import type { FieldError } from '../domain/errors.ts';
import { slaDueAt } from '../domain/incidents/sla-due-at.ts';
import type { OrganizationSettings } from '../domain/settings.ts';
import type { IncidentCategory, IncidentSeverity } from '../domain/types.ts';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { CustomerRef } from './customer.service.ts';
import { recordExperiences } from './experience.service.ts';
import { emit } from './event-log.service.ts';

export interface ReportIncidentInput {
  customer: CustomerRef;
  title: string;
  description?: string | null;
  category: IncidentCategory;
  severity: IncidentSeverity;
  /** Where it came from (a support desk, the customer through a partner); default: who reported it. */
  source?: string | null;
  occurredAt?: Date | null;
}

export interface NewIncident {
  id: string;
  customerId: string;
  /** When it was opened. */
  occurredAt: Date;
  input: ReportIncidentInput;
}

const MAX_TITLE = 200;
const MAX_DESCRIPTION = 5000;
const MAX_SOURCE = 200;

export function checkIncident(input: ReportIncidentInput, at: string[]): FieldError[] {
  const errors: FieldError[] = [];
  const title = input.title.trim();
  if (title === '' || title.length > MAX_TITLE)
    errors.push({ path: [...at, 'title'], message: `Give the incident a title of 1 to ${MAX_TITLE} characters.` });
  if (input.description != null && input.description.length > MAX_DESCRIPTION)
    errors.push({ path: [...at, 'description'], message: 'At most 5 000 characters.' });
  if (input.source != null && input.source.length > MAX_SOURCE)
    errors.push({ path: [...at, 'source'], message: `At most ${MAX_SOURCE} characters.` });
  return errors;
}

/** Who reported an incident when it does not say: the staff member's name or the API key's. */
async function reporterName(tx: TenantTx, caller: AuthenticatedCaller): Promise<string> {
  switch (caller.kind) {
    case 'user':
      return (await tx.user.findUniqueOrThrow({ where: { id: caller.userId }, select: { name: true } })).name;
    case 'apiKey':
      return (await tx.apiKey.findUniqueOrThrow({ where: { id: caller.apiKeyId }, select: { name: true } })).name;
    case 'member':
      return 'CUSTOMER';
    case 'system':
      return 'Trofast';
  }
}

export async function insertIncidents(
  tx: TenantTx,
  caller: AuthenticatedCaller,
  incidents: NewIncident[],
  slaHours: OrganizationSettings['slaHours'],
  now: Date,
): Promise<void> {
  if (incidents.length === 0) return;
  const reporter = incidents.some(({ input }) => !input.source?.trim()) ? await reporterName(tx, caller) : '';
  await tx.incident.createMany({
    data: incidents.map(({ id, customerId, occurredAt, input }) => ({
      id,
      organizationId: caller.organizationId,
      customerId,
      title: input.title.trim(),
      description: input.description?.trim() || null,
      category: input.category,
      severity: input.severity,
      source: input.source?.trim() || reporter,
      openedAt: occurredAt,
      slaDueAt: slaDueAt(occurredAt, input.severity, slaHours),
      createdAt: now,
    })),
  });
  for (const { id, customerId, input } of incidents)
    emitIncidentChanged(tx, { id, customerId, status: 'OPEN', severity: input.severity });
  await recordExperiences(
    tx,
    caller.organizationId,
    incidents.map(({ id, customerId, occurredAt }) => ({
      customerId,
      kind: 'BAD_EXPERIENCE',
      cause: 'INCIDENT',
      incidentId: id,
      occurredAt,
    })),
  );
}

/** An incident was opened or changed: its event goes with the change. */
export function emitIncidentChanged(
  tx: TenantTx,
  incident: { id: string; customerId: string; status: string; severity: string },
): void {
  emit(tx, 'incident.changed', {
    incident: encodeGlobalID('Incident', incident.id),
    customer: encodeGlobalID('Customer', incident.customerId),
    status: incident.status,
    severity: incident.severity,
  });
}
