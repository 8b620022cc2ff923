// Settings' actions (ADMIN): API keys (contract), users and organization settings (planned names).
import type { Client } from '@urql/core';
import { mutate, type Outcome } from '$lib/graphql/mutate';
import {
  CREATE_API_KEY,
  CREATE_USER,
  DEACTIVATE_USER,
  REVOKE_API_KEY,
  UPDATE_ORGANIZATION_SETTINGS,
  UPDATE_USER,
} from '$lib/graphql/documents';
import type { ApiKey, ApiKeyScope, Locale, Role, StaffUser } from '$lib/graphql/types';

export function handleCreateApiKey(
  client: Client,
  input: { name: string; scopes: ApiKeyScope[] },
): Promise<Outcome<{ apiKey: ApiKey; secret: string }>> {
  return mutate(client, CREATE_API_KEY, { input }, 'createApiKey');
}

export function handleRevokeApiKey(client: Client, id: string): Promise<Outcome<ApiKey>> {
  return mutate(client, REVOKE_API_KEY, { id }, 'revokeApiKey');
}

export function handleSaveSettings(client: Client, settings: unknown): Promise<Outcome<{ settings: unknown }>> {
  return mutate(client, UPDATE_ORGANIZATION_SETTINGS, { input: { settings } }, 'updateOrganizationSettings');
}

export function handleCreateUser(
  client: Client,
  input: { email: string; name: string; role: Role; locale: Locale; password: string },
): Promise<Outcome<StaffUser>> {
  return mutate(client, CREATE_USER, { input }, 'createUser');
}

export function handleChangeRole(client: Client, id: string, role: Role): Promise<Outcome<StaffUser>> {
  return mutate(client, UPDATE_USER, { input: { id, role } }, 'updateUser');
}

export function handleDeactivateUser(client: Client, id: string): Promise<Outcome<StaffUser>> {
  return mutate(client, DEACTIVATE_USER, { id }, 'deactivateUser');
}

/** Copies a secret to the clipboard; false when the browser refuses (no permission, no HTTPS). */
export async function handleCopy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
