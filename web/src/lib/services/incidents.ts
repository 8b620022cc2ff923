// The incident queue's actions.
import type { Client } from '@urql/core';
import { mutate, type Outcome } from '$lib/graphql/mutate';
import { RESOLVE_INCIDENT, UPDATE_INCIDENT } from '$lib/graphql/documents';
import type { CustomerSatisfied, Incident, IncidentStatus } from '$lib/graphql/types';

export function handleMarkResponded(client: Client, id: string): Promise<Outcome<Incident>> {
  return mutate(client, UPDATE_INCIDENT, { input: { id, responded: true } }, 'updateIncident');
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
