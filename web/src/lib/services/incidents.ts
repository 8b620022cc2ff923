// The incident queue's actions.
import type { Client } from '@urql/core';
import { mutate, type Outcome } from '$lib/graphql/mutate';
import { RESOLVE_INCIDENT, UPDATE_INCIDENT } from '$lib/graphql/documents';
import type { CustomerSatisfied, Incident, IncidentStatus } from '$lib/graphql/types';

/** Someone answered the customer: an open incident is now being worked, so it moves to In progress too. */
export function handleMarkResponded(
  client: Client,
  incident: Pick<Incident, 'id' | 'status'>,
): Promise<Outcome<Incident>> {
  const status = incident.status === 'OPEN' ? { status: 'IN_PROGRESS' as const } : {};
  return mutate(client, UPDATE_INCIDENT, { input: { id: incident.id, responded: true, ...status } }, 'updateIncident');
}

export function handleChangeIncidentStatus(
  client: Client,
  id: string,
  status: IncidentStatus,
): Promise<Outcome<Incident>> {
  return mutate(client, UPDATE_INCIDENT, { input: { id, status } }, 'updateIncident');
}

/** `ownerId` null: nobody owns it. */
export function handleChangeIncidentOwner(
  client: Client,
  id: string,
  ownerId: string | null,
): Promise<Outcome<Incident>> {
  return mutate(client, UPDATE_INCIDENT, { input: { id, ownerId } }, 'updateIncident');
}

export function handleResolveIncident(
  client: Client,
  input: { id: string; resolution: string; customerSatisfied: CustomerSatisfied },
): Promise<Outcome<Incident>> {
  return mutate(client, RESOLVE_INCIDENT, { input }, 'resolveIncident');
}
