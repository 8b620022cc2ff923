// The organization's rules: read by every service that applies one, changed by ADMINs.
import type { AuthenticatedCaller } from '../auth/caller.ts';
import { ValidationError } from '../domain/errors.ts';
import { mergeSettings, settingsOf, validateSettings, type OrganizationSettings } from '../domain/settings.ts';
import { runtime, tenantDb, type TenantDbLike } from '../runtime.ts';
import { updateEveryTier } from './ledger.service.ts';

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

/**
 * A partial change: what is given replaces, the rest stays. New tier thresholds re-tier every
 * customer in the same transaction, so when the change is visible every stored tier follows it.
 * One gap: a transaction that read the old thresholds and commits after this one stores its
 * customers' tiers by them. A spend or an event marks its customers due and recomputes them by the
 * new thresholds right after; a background run already under way leaves them until their next
 * recompute.
 */
export async function updateOrganizationSettings(caller: AuthenticatedCaller, change: Record<string, unknown>) {
  const previous = await organizationSettings(caller);
  const next = mergeSettings(previous, change);
  const errors = validateSettings(next, ['settings']);
  if (errors.length > 0) throw new ValidationError(errors);
  const { SILVER, GOLD } = next.loyalty.tierThresholds;
  const retier = SILVER !== previous.loyalty.tierThresholds.SILVER || GOLD !== previous.loyalty.tierThresholds.GOLD;
  return tenantDb(caller).$transaction(
    async (tx) => {
      const organization = await tx.organization.update({
        where: { id: caller.organizationId },
        data: { settings: next as object },
      });
      if (retier) await updateEveryTier(tx, caller.organizationId, next, runtime().clock.now());
      return organization;
    },
    { timeout: 60_000 },
  );
}
