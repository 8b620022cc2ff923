import { builder } from './builder.ts';
import { LocaleEnum } from './enums.ts';
import { ACCESS_ERRORS } from './errors.ts';
import { ValidationError } from '../domain/errors.ts';
import {
  RISK_LOWERING_WEIGHTS,
  RISK_RAISING_WEIGHTS,
  settingsOf,
  type EarnRate,
  type OrganizationSettings,
} from '../domain/settings.ts';
import { organizationSettings, updateOrganizationSettings } from '../services/organization-settings.service.ts';
import { tenantDb } from '../runtime.ts';
import { authenticated } from '../auth/caller.ts';

type Weights = Record<string, number>;

const EarnRateRef = builder.objectRef<EarnRate & { currency: string }>('EarnRate').implement({
  description: '`points` for every `per` whole units of `currency` spent (rounded down).',
  fields: (t) => ({
    currency: t.exposeString('currency'),
    points: t.exposeInt('points'),
    per: t.exposeInt('per'),
  }),
});

/** An object type whose fields are all Int, one per key. */
function intObject(name: string, keys: readonly string[], description?: string) {
  return builder.objectRef<Weights>(name).implement({
    description,
    fields: (t) => Object.fromEntries(keys.map((key) => [key, t.int({ resolve: (parent) => parent[key] })])),
  });
}
function intInput(name: string, keys: readonly string[]) {
  return builder.inputType(name, {
    fields: (t) => Object.fromEntries(keys.map((key) => [key, t.int()])),
  });
}

const RISK_KEYS = [...RISK_RAISING_WEIGHTS, ...RISK_LOWERING_WEIGHTS] as const;
const LEVEL_KEYS = ['MEDIUM', 'HIGH', 'CRITICAL'] as const;
const TIER_KEYS = ['SILVER', 'GOLD'] as const;
const SEVERITY_KEYS = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
const PART_KEYS = ['each', 'max'] as const;
const ENGAGEMENT_KEYS = ['inboundInteraction', 'purchase', 'feedback', 'redemption'] as const;

const TierThresholds = intObject(
  'TierThresholds',
  TIER_KEYS,
  'Points earned in the last 12 months to reach each tier.',
);
const RiskLevelThresholds = intObject('RiskLevelThresholds', LEVEL_KEYS, 'The score at which each level starts.');
const SlaHours = intObject('SlaHours', SEVERITY_KEYS, 'Hours from opening to the SLA due time, per severity.');
const EngagementPart = intObject('EngagementPart', PART_KEYS);
const ContactCap = intObject('ContactCap', ['max', 'days'], 'At most `max` capped contacts in any `days` days.');

const RiskWeights = builder.objectRef<OrganizationSettings['risk']>('RiskWeights').implement({
  description: 'Points each churn-risk factor adds (negative: lowers the risk), and the level thresholds.',
  fields: (t) => ({
    ...Object.fromEntries(RISK_KEYS.map((key) => [key, t.int({ resolve: (risk) => risk[key] })])),
    levels: t.field({ type: RiskLevelThresholds, resolve: (risk) => risk.levels }),
  }),
});

const EngagementWeights = builder.objectRef<OrganizationSettings['engagement']>('EngagementWeights').implement({
  fields: (t) =>
    Object.fromEntries(ENGAGEMENT_KEYS.map((key) => [key, t.field({ type: EngagementPart, resolve: (e) => e[key] })])),
});

const LoyaltySettings = builder.objectRef<OrganizationSettings['loyalty']>('LoyaltySettings').implement({
  fields: (t) => ({
    earnRates: t.field({
      type: [EarnRateRef],
      description: 'The accepted currencies and what each earns.',
      resolve: (loyalty) => Object.entries(loyalty.earnRates).map(([currency, rate]) => ({ currency, ...rate })),
    }),
    pointsExpiryMonths: t.exposeInt('pointsExpiryMonths'),
    tierThresholds: t.field({ type: TierThresholds, resolve: (loyalty) => loyalty.tierThresholds }),
  }),
});

const SettingsRef = builder.objectRef<OrganizationSettings>('OrganizationSettings').implement({
  description: 'The rules Trofast applies for this organization (defaults from the product specification).',
  fields: (t) => ({
    defaultLocale: t.expose('defaultLocale', { type: LocaleEnum }),
    defaultCurrency: t.exposeString('defaultCurrency'),
    loyalty: t.field({ type: LoyaltySettings, resolve: (settings) => settings.loyalty }),
    risk: t.field({ type: RiskWeights, resolve: (settings) => settings.risk }),
    engagement: t.field({ type: EngagementWeights, resolve: (settings) => settings.engagement }),
    satisfactionHalfLifeDays: t.int({ resolve: (settings) => settings.satisfaction.halfLifeDays }),
    slaHours: t.field({ type: SlaHours, resolve: (settings) => settings.slaHours }),
    contactCap: t.field({ type: ContactCap, resolve: (settings) => settings.contactCap }),
  }),
});

builder.prismaNode('Organization', {
  id: { field: 'id' },
  // node(id:) of something that is not there (or not yours) is null, not an error.
  nullable: true,
  fields: (t) => ({
    name: t.exposeString('name'),
    slug: t.exposeString('slug', {
      description: 'The member page’s address: /m/<slug>; the `iss` of customer tokens.',
    }),
    memberSigningSecretCreatedAt: t.expose('memberSigningSecretCreatedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the member signing secret in use was made; null: none yet. The secret is never shown again.',
    }),
    settings: t.field({ type: SettingsRef, resolve: (organization) => settingsOf(organization.settings) }),
  }),
});

const EarnRateInput = builder.inputType('EarnRateInput', {
  fields: (t) => ({
    currency: t.string({ required: true }),
    points: t.int({ required: true }),
    per: t.int({ required: true }),
  }),
});
const EngagementPartInput = intInput('EngagementPartInput', PART_KEYS);
const SettingsInput = builder.inputType('OrganizationSettingsInput', {
  description: 'Only what is given changes. `loyalty.earnRates` replaces the accepted currencies as a whole.',
  fields: (t) => ({
    defaultLocale: t.field({ type: LocaleEnum }),
    defaultCurrency: t.string(),
    loyalty: t.field({
      type: builder.inputType('LoyaltySettingsInput', {
        fields: (l) => ({
          earnRates: l.field({ type: [EarnRateInput] }),
          pointsExpiryMonths: l.int(),
          tierThresholds: l.field({ type: intInput('TierThresholdsInput', TIER_KEYS) }),
        }),
      }),
    }),
    risk: t.field({
      type: builder.inputType('RiskWeightsInput', {
        fields: (r) => ({
          ...Object.fromEntries(RISK_KEYS.map((key) => [key, r.int()])),
          levels: r.field({ type: intInput('RiskLevelThresholdsInput', LEVEL_KEYS) }),
        }),
      }),
    }),
    engagement: t.field({
      type: builder.inputType('EngagementWeightsInput', {
        fields: (e) => Object.fromEntries(ENGAGEMENT_KEYS.map((key) => [key, e.field({ type: EngagementPartInput })])),
      }),
    }),
    satisfactionHalfLifeDays: t.int(),
    slaHours: t.field({ type: intInput('SlaHoursInput', SEVERITY_KEYS) }),
    contactCap: t.field({ type: intInput('ContactCapInput', ['max', 'days']) }),
  }),
});

builder.queryField('organization', (t) =>
  t.prismaField({
    type: 'Organization',
    description: "The caller's organization and its rules.",
    resolve: (query, _root, _args, context) => {
      const caller = authenticated(context);
      return tenantDb(caller).organization.findUniqueOrThrow({ ...query, where: { id: caller.organizationId } });
    },
  }),
);

builder.mutationField('updateOrganizationSettings', (t) =>
  t.field({
    type: SettingsRef,
    errors: { types: [ValidationError, ...ACCESS_ERRORS] },
    args: { settings: t.arg({ type: SettingsInput, required: true }) },
    resolve: async (_root, { settings }, context) => {
      const caller = authenticated(context);
      await updateOrganizationSettings(caller, settings);
      return organizationSettings(caller);
    },
  }),
);
