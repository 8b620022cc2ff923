// The organization's rules: read by every service that applies one, changed by ADMINs.
import type { AuthenticatedCaller } from '../auth/caller.ts';
import { ValidationError, type FieldError } from '../domain/errors.ts';
import { mergeSettings, settingsOf, validateSettings, type OrganizationSettings } from '../domain/settings.ts';
import { runtime, tenantDb, type TenantDbLike } from '../runtime.ts';
import { updateEveryTier } from './ledger.service.ts';
import { writeTransaction } from './transaction.service.ts';

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
 * OrganizationSettingsInput: the settings' shape, except that accepted currencies come as a list
 * and the satisfaction half-life sits flat.
 */
export type SettingsInput = {
  defaultCurrency?: string | null;
  loyalty?: {
    earnRates?: { currency: string; points: number; per: number }[] | null;
    tierThresholds?: { SILVER?: number | null; GOLD?: number | null } | null;
    [field: string]: unknown;
  } | null;
  satisfactionHalfLifeDays?: number | null;
  [field: string]: unknown;
};

/** The argument the input arrives in: every error path starts here. */
const ARGUMENT = 'settings';

/**
 * A partial change: what is given replaces, the rest stays. New weights mark every customer due for
 * the background recompute. New tier thresholds re-tier every
 * customer in the same transaction, so when the change is visible every stored tier follows it.
 * One gap: a transaction that read the old thresholds and commits after this one stores its
 * customers' tiers by them. A spend or an event marks its customers due and recomputes them by the
 * new thresholds right after; a background run already under way leaves them until their next
 * recompute.
 */
export async function updateOrganizationSettings(caller: AuthenticatedCaller, input: SettingsInput) {
  const previous = await organizationSettings(caller);
  const next = mergeSettings(previous, toSettingsChange(input));
  const errors = [
    ...repeatedCurrencies(input),
    ...validateSettings(next).map((error) => ({ ...error, path: [ARGUMENT, ...inputPath(error.path, input)] })),
  ];
  errors.push(...(await surveyTriggerErrors(caller, next.surveyTriggers)));
  if (errors.length > 0) throw new ValidationError(errors);
  const { SILVER, GOLD } = next.loyalty.tierThresholds;
  const retier = SILVER !== previous.loyalty.tierThresholds.SILVER || GOLD !== previous.loyalty.tierThresholds.GOLD;
  const reweigh = (['risk', 'engagement', 'satisfaction'] as const).some(
    (rules) => JSON.stringify(next[rules]) !== JSON.stringify(previous[rules]),
  );
  return writeTransaction(caller.organizationId, async (tx) => {
    const organization = await tx.organization.update({
      where: { id: caller.organizationId },
      data: { settings: next as object },
    });
    const now = runtime().clock.now();
    if (retier) await updateEveryTier(tx, caller.organizationId, next, now);
    // New weights reach every stored risk, engagement and satisfaction at the background job's
    // next round: one statement here, the recomputation in the job's batches.
    if (reweigh) await tx.customer.updateMany({ data: { recomputeAt: now } });
    return organization;
  });
}

/** A trigger names a survey of the organization of the trigger's kind. */
async function surveyTriggerErrors(
  caller: AuthenticatedCaller,
  triggers: OrganizationSettings['surveyTriggers'],
): Promise<FieldError[]> {
  const wanted = [
    { field: 'csatAfterResolveSurveyId', id: triggers.csatAfterResolveSurveyId, kind: 'CSAT' },
    { field: 'npsSurveyId', id: triggers.npsSurveyId, kind: 'NPS' },
  ] as const;
  const ids = wanted.flatMap((trigger) => (trigger.id ? [trigger.id] : []));
  if (ids.length === 0) return [];
  const surveys = await tenantDb(caller).survey.findMany({
    where: { id: { in: ids } },
    select: { id: true, kind: true },
  });
  return wanted.flatMap(({ field, id, kind }) =>
    id && !surveys.some((survey) => survey.id === id && survey.kind === kind)
      ? [{ path: [ARGUMENT, 'surveyTriggers', field], message: `Choose one of your ${kind} surveys.` }]
      : [],
  );
}

/** An emptied field of the sender goes back to its default. */
const blankToNull = (value: unknown) => (typeof value === 'string' ? value.trim() || null : value);

function toSettingsChange(input: SettingsInput): Record<string, unknown> {
  const { satisfactionHalfLifeDays, loyalty, messageSender, ...rest } = input;
  const sender = messageSender as { name?: string | null; replyTo?: string | null } | null | undefined;
  const earnRates = loyalty?.earnRates;
  return {
    ...rest,
    satisfaction: satisfactionHalfLifeDays == null ? undefined : { halfLifeDays: satisfactionHalfLifeDays },
    messageSender: sender && { name: blankToNull(sender.name), replyTo: blankToNull(sender.replyTo) },
    loyalty: loyalty && {
      ...loyalty,
      earnRates:
        earnRates && Object.fromEntries(earnRates.map(({ currency, ...rate }) => [currency.toUpperCase(), rate])),
    },
  };
}

// Two rates for one currency would silently become one once keyed by currency.
function repeatedCurrencies(input: SettingsInput): FieldError[] {
  const seen = new Set<string>();
  return (input.loyalty?.earnRates ?? []).flatMap(({ currency }, index) => {
    const key = currency.toUpperCase();
    if (!seen.has(key)) return (seen.add(key), []);
    return [
      { path: [ARGUMENT, 'loyalty', 'earnRates', String(index), 'currency'], message: `${key} is listed twice.` },
    ];
  });
}

/**
 * The settings are validated whole, in their stored shape; the caller is told where in their input
 * to look. Stored values were valid, so a rule between two fields names the one that was sent.
 */
function inputPath(path: string[], input: SettingsInput): string[] {
  const [group, field, key, ...rest] = path;
  const rates = input.loyalty?.earnRates;
  if (group === 'satisfaction') return ['satisfactionHalfLifeDays'];
  if (field === 'earnRates' && key !== undefined && rates) {
    // A currency given twice keeps its last rate (and is reported as repeated).
    const index = rates.findLastIndex((rate) => rate.currency.toUpperCase() === key);
    return ['loyalty', 'earnRates', String(index), ...(rest.length > 0 ? rest : ['currency'])];
  }
  // The default currency left out of new earn rates.
  if (group === 'defaultCurrency' && input.defaultCurrency == null) return ['loyalty', 'earnRates'];
  // A SILVER threshold raised to or past the stored GOLD one.
  if (field === 'tierThresholds' && key === 'GOLD' && input.loyalty?.tierThresholds?.GOLD == null) {
    return ['loyalty', 'tierThresholds', 'SILVER'];
  }
  return path;
}
