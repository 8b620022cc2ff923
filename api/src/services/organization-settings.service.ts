// The organization's rules: read by every service that applies one, changed by ADMINs.
import type { AuthenticatedCaller } from '../auth/caller.ts';
import { ValidationError } from '../domain/errors.ts';
import { mergeSettings, settingsOf, validateSettings, type OrganizationSettings } from '../domain/settings.ts';
import { tenantDb, type TenantDbLike } from '../runtime.ts';

export async function organizationSettings(
  caller: AuthenticatedCaller,
  tx?: TenantDbLike,
): Promise<OrganizationSettings> {
  const organization = await (tx ?? tenantDb(caller)).organization.findUniqueOrThrow({
    where: { id: caller.organizationId },
    select: { settings: true },
  });
  return settingsOf(organization.settings);
}

/** A partial change: what is given replaces, the rest stays. */
export async function updateOrganizationSettings(caller: AuthenticatedCaller, change: Record<string, unknown>) {
  const next = mergeSettings(await organizationSettings(caller), change);
  const errors = validateSettings(next, ['settings']);
  if (errors.length > 0) throw new ValidationError(errors);
  return tenantDb(caller).organization.update({
    where: { id: caller.organizationId },
    data: { settings: next as object },
  });
}
