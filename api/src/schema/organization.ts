import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from './builder.ts';
import { rawId } from './ids.ts';
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
    currency: t.exposeString('currency', { description: 'ISO 4217 code of an accepted currency, e.g. DKK.' }),
    points: t.exposeInt('points', { description: 'Points earned for every `per` units.' }),
    per: t.exposeInt('per', { description: 'Whole currency units (not minor units) that earn `points`.' }),
  }),
});

/** What each Int setting means, by its name in the settings (the same in the output and the input types). */
const SETTING_DESCRIPTIONS: Record<string, string> = {
  SILVER: 'Points earned in the last 12 months from which a customer is SILVER (default 1 000).',
  GOLD: 'Points earned in the last 12 months from which a customer is GOLD (default 5 000); above SILVER.',
  'levels.MEDIUM': 'The score from which the risk is MEDIUM (default 30).',
  'levels.HIGH': 'The score from which the risk is HIGH (default 50).',
  'levels.CRITICAL': 'The score from which the risk is CRITICAL (default 70).',
  LOW: 'Hours for a LOW incident (default 168: 7 days).',
  MEDIUM: 'Hours for a MEDIUM incident (default 72).',
  HIGH: 'Hours for a HIGH incident (default 24).',
  CRITICAL: 'Hours for a CRITICAL incident (default 4).',
  each: 'Points each such event adds, 0–100.',
  max: 'The most these events add together, 0–100.',
  'cap.max': 'At most this many capped contacts (MARKETING, SURVEY_INVITE) per customer in the window (default 4).',
  'cap.days': 'The rolling window in days (default 30).',
  twoStrikes: 'TWO_STRIKES: 2 bad experiences in the last 90 days (default 40); replaces BAD_EXPERIENCE.',
  threeStrikes: 'TWO_STRIKES with 3 or more bad experiences in the last 90 days (default 55).',
  badExperience: 'BAD_EXPERIENCE: exactly 1 bad experience in the last 90 days (default 15).',
  unresolvedIncident: 'UNRESOLVED_INCIDENT: per open incident (default 10).',
  unresolvedIncidentMax: 'UNRESOLVED_INCIDENT: at most this for all open incidents together (default 25).',
  slaBreached: 'SLA_BREACHED: an open incident is past its SLA due time (default 10).',
  ignored45: 'IGNORED: 45 days or more since the last personal contact (default 10).',
  ignored90: 'IGNORED: 90 days or more since the last personal contact (default 20).',
  ignored180: 'IGNORED: 180 days or more since the last personal contact (default 30).',
  detractor: 'DETRACTOR: latest NPS of the last 365 days is 0–6 (default 15).',
  passive: 'PASSIVE: latest NPS of the last 365 days is 7–8 (default 5).',
  engagementDrop:
    'ENGAGEMENT_DROP: purchases and interactions of the last 90 days below half of the 90 days before (default 15).',
  recovered:
    'RECOVERED, 0 or less: an incident resolved with the customer satisfied in the last 90 days (default −10).',
  promoter: 'PROMOTER, 0 or less: latest NPS of the last 365 days is 9–10 (default −10).',
  inboundInteraction: 'Each inbound interaction of the last 90 days (default 8 each, at most 32).',
  staffConcern: 'STAFF_CONCERN: a staff member flagged the customer in the last 30 days (default 15).',

  purchase: 'Each purchase of the last 90 days (default 6 each, at most 30).',
  feedback: 'Each feedback answer of the last 90 days (default 10 each, at most 20).',
  redemption: 'Each redemption of the last 90 days (default 9 each, at most 18).',
};

/** An object type whose fields are all Int, one per key. */
function intObject(name: string, keys: readonly string[], description?: string, prefix = '') {
  return builder.objectRef<Weights>(name).implement({
    description,
    fields: (t) =>
      Object.fromEntries(
        keys.map((key) => [
          key,
          t.int({ description: SETTING_DESCRIPTIONS[prefix + key], resolve: (parent) => parent[key] }),
        ]),
      ),
  });
}
function intInput(name: string, keys: readonly string[], description?: string, prefix = '') {
  return builder.inputType(name, {
    description,
    fields: (t) =>
      Object.fromEntries(keys.map((key) => [key, t.int({ description: SETTING_DESCRIPTIONS[prefix + key] })])),
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
const RiskLevelThresholds = intObject(
  'RiskLevelThresholds',
  LEVEL_KEYS,
  'The score at which each level starts.',
  'levels.',
);
const SlaHours = intObject('SlaHours', SEVERITY_KEYS, 'Hours from opening to the SLA due time, per severity.');
const EngagementPart = intObject(
  'EngagementPart',
  PART_KEYS,
  'What one kind of event adds to engagement: points each, and at most in total.',
);
const ContactCap = intObject(
  'ContactCap',
  ['max', 'days'],
  'At most `max` capped contacts in any `days` days.',
  'cap.',
);

const RiskWeights = builder.objectRef<OrganizationSettings['risk']>('RiskWeights').implement({
  description: 'Points each churn-risk factor adds (negative: lowers the risk), and the level thresholds.',
  fields: (t) => ({
    ...Object.fromEntries(
      RISK_KEYS.map((key) => [key, t.int({ description: SETTING_DESCRIPTIONS[key], resolve: (risk) => risk[key] })]),
    ),
    levels: t.field({
      type: RiskLevelThresholds,
      description: 'Where each risk level starts.',
      resolve: (risk) => risk.levels,
    }),
  }),
});

const EngagementWeights = builder.objectRef<OrganizationSettings['engagement']>('EngagementWeights').implement({
  description: 'What each kind of event of the last 90 days adds to the engagement score (capped at 100).',
  fields: (t) =>
    Object.fromEntries(
      ENGAGEMENT_KEYS.map((key) => [
        key,
        t.field({ type: EngagementPart, description: SETTING_DESCRIPTIONS[key], resolve: (e) => e[key] }),
      ]),
    ),
});

const LoyaltySettings = builder.objectRef<OrganizationSettings['loyalty']>('LoyaltySettings').implement({
  description: 'How points are earned and expire, and the tier thresholds.',
  fields: (t) => ({
    earnRates: t.field({
      type: [EarnRateRef],
      description: 'The accepted currencies and what each earns.',
      resolve: (loyalty) => Object.entries(loyalty.earnRates).map(([currency, rate]) => ({ currency, ...rate })),
    }),
    pointsExpiryMonths: t.exposeInt('pointsExpiryMonths', {
      description: "Months after which a purchase's points expire (default 24).",
    }),
    tierThresholds: t.field({
      type: TierThresholds,
      description: 'Where each tier starts.',
      resolve: (loyalty) => loyalty.tierThresholds,
    }),
  }),
});

const PulseSettings = builder.objectRef<OrganizationSettings['pulse']>('PulseSettings').implement({
  description: 'The staff pulse (Teams).',
  fields: (t) => ({
    monthly: t.exposeBoolean('monthly', { description: 'A round opens by itself each month.' }),
    openDays: t.exposeInt('openDays', { description: 'How long a round stays open.' }),
    threshold: t.exposeInt('threshold', { description: "A team's figures show from this many answers (3 or more)." }),
  }),
});

const SurveyTriggersRef = builder.objectRef<OrganizationSettings['surveyTriggers']>('SurveyTriggers').implement({
  description: 'When Trofast asks customers on its own: CSAT after a resolved incident, and relational NPS.',
  fields: (t) => ({
    csatAfterResolveSurveyId: t.id({
      nullable: true,
      description: 'null: no CSAT invitation after an incident is resolved.',
      resolve: (triggers) =>
        triggers.csatAfterResolveSurveyId && encodeGlobalID('Survey', triggers.csatAfterResolveSurveyId),
    }),
    csatDelayMinutes: t.exposeInt('csatDelayMinutes', { description: 'Default 1440; 0 sends at once.' }),
    npsSurveyId: t.id({
      nullable: true,
      description: 'null: no relational NPS cadence.',
      resolve: (triggers) => triggers.npsSurveyId && encodeGlobalID('Survey', triggers.npsSurveyId),
    }),
    npsEveryMonths: t.exposeInt('npsEveryMonths', { description: 'Default 6.' }),
    surveyCooldownDays: t.exposeInt('surveyCooldownDays', {
      description: 'Default 30: between two survey invitations to one customer.',
    }),
  }),
});

const MessageSenderRef = builder.objectRef<OrganizationSettings['messageSender']>('MessageSender').implement({
  description:
    "Who customers see an email from. The address stays the server's (TROFAST_MAIL_FROM), which its mail provider accepts; replies go to `replyTo`.",
  fields: (t) => ({
    name: t.exposeString('name', {
      nullable: true,
      description: "The sender's name in the customer's inbox, e.g. the shop's name; null: TROFAST_MAIL_FROM's name.",
    }),
    replyTo: t.exposeString('replyTo', {
      nullable: true,
      description: "Where a customer's reply goes (the Reply-To header); null: no Reply-To.",
    }),
  }),
});

const SettingsRef = builder.objectRef<OrganizationSettings>('OrganizationSettings').implement({
  description: 'The rules Trofast applies for this organization (defaults from the product specification).',
  fields: (t) => ({
    defaultLocale: t.expose('defaultLocale', {
      type: LocaleEnum,
      description: 'The language new customers get unless one is given, and the one partner keys read in.',
    }),
    defaultCurrency: t.exposeString('defaultCurrency', {
      description: 'The currency reports and the top-spender ranking use; one of the accepted currencies.',
    }),
    loyalty: t.field({
      type: LoyaltySettings,
      description: 'Earning, expiry and tiers.',
      resolve: (settings) => settings.loyalty,
    }),
    risk: t.field({ type: RiskWeights, description: 'The churn-risk model.', resolve: (settings) => settings.risk }),
    engagement: t.field({
      type: EngagementWeights,
      description: 'The engagement score model.',
      resolve: (settings) => settings.engagement,
    }),
    satisfactionHalfLifeDays: t.int({
      description: "Days after which a signal's weight in the satisfaction score halves (default 90).",
      resolve: (settings) => settings.satisfaction.halfLifeDays,
    }),
    slaHours: t.field({
      type: SlaHours,
      description: 'SLA targets per incident severity.',
      resolve: (settings) => settings.slaHours,
    }),
    contactCap: t.field({
      type: ContactCap,
      description: 'The cap on MARKETING and SURVEY_INVITE contacts per customer.',
      resolve: (settings) => settings.contactCap,
    }),
    pulse: t.field({
      type: PulseSettings,
      description: 'The team pulse: monthly rounds, how long they stay open, and the anonymity threshold.',
      resolve: (settings) => settings.pulse,
    }),
    surveyTriggers: t.field({
      type: SurveyTriggersRef,
      description:
        'When Trofast asks customers by itself: CSAT after a resolved incident, the NPS cadence, the cooldown.',
      resolve: (settings) => settings.surveyTriggers,
    }),
    messageSender: t.field({
      type: MessageSenderRef,
      description: 'Who customers see an email from, and where their replies go.',
      resolve: (settings) => settings.messageSender,
    }),
  }),
});

builder.prismaNode('Organization', {
  id: { field: 'id' },
  // node(id:) of something that is not there (or not yours) is null, not an error.
  nullable: true,
  description: 'A tenant: one business with its customers, staff and rules. Nothing of one is visible to another.',
  fields: (t) => ({
    name: t.exposeString('name', { description: "The organization's name, as customers see it." }),
    slug: t.exposeString('slug', {
      description: 'The member page’s address: /m/<slug>; the `iss` of customer tokens.',
    }),
    memberSigningSecretCreatedAt: t.expose('memberSigningSecretCreatedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When the member signing secret in use was made; null: none yet. The secret is never shown again.',
    }),
    settings: t.field({
      type: SettingsRef,
      description: 'The rules Trofast applies.',
      resolve: (organization) => settingsOf(organization.settings),
    }),
  }),
});

const EarnRateInput = builder.inputType('EarnRateInput', {
  description: 'An accepted currency and what it earns: `points` for every `per` whole units (rounded down).',
  fields: (t) => ({
    currency: t.string({ required: true }),
    points: t.int({ required: true, description: 'Points earned for every `per` units, 0–1 000.' }),
    per: t.int({ required: true, description: 'Whole currency units (not minor units), 1 or more.' }),
  }),
});
const EngagementPartInput = intInput(
  'EngagementPartInput',
  PART_KEYS,
  'What one kind of event adds to engagement; what is left out stays.',
);
const SettingsInput = builder.inputType('OrganizationSettingsInput', {
  description: 'Only what is given changes. `loyalty.earnRates` replaces the accepted currencies as a whole.',
  fields: (t) => ({
    defaultLocale: t.field({
      type: LocaleEnum,
      description: 'The language new customers get unless one is given, and the one partner keys read in.',
    }),
    defaultCurrency: t.string({ description: 'One of the accepted currencies (`loyalty.earnRates`).' }),
    loyalty: t.field({
      description: 'Earning, expiry and tiers.',
      type: builder.inputType('LoyaltySettingsInput', {
        description: 'Earning, expiry and tiers; what is left out stays.',
        fields: (l) => ({
          earnRates: l.field({
            type: [EarnRateInput],
            description: 'Every accepted currency, at least one; replaces the list as a whole.',
          }),
          pointsExpiryMonths: l.int({ description: "Months after which a purchase's points expire, 1–120." }),
          tierThresholds: l.field({
            description: 'Where each tier starts.',
            type: intInput('TierThresholdsInput', TIER_KEYS, 'Points earned in 12 months per tier; GOLD above SILVER.'),
          }),
        }),
      }),
    }),
    risk: t.field({
      description: 'The churn-risk model.',
      type: builder.inputType('RiskWeightsInput', {
        description: 'Points per churn-risk factor (0–100; RECOVERED and PROMOTER −100–0) and level thresholds.',
        fields: (r) => ({
          ...Object.fromEntries(RISK_KEYS.map((key) => [key, r.int({ description: SETTING_DESCRIPTIONS[key] })])),
          levels: r.field({
            description: 'Where each risk level starts.',
            type: intInput(
              'RiskLevelThresholdsInput',
              LEVEL_KEYS,
              'Scores 1–100 at which each level starts; MEDIUM < HIGH < CRITICAL.',
              'levels.',
            ),
          }),
        }),
      }),
    }),
    engagement: t.field({
      description: 'The engagement score model.',
      type: builder.inputType('EngagementWeightsInput', {
        description: 'What each kind of event of the last 90 days adds to engagement; what is left out stays.',
        fields: (e) =>
          Object.fromEntries(
            ENGAGEMENT_KEYS.map((key) => [
              key,
              e.field({ type: EngagementPartInput, description: SETTING_DESCRIPTIONS[key] }),
            ]),
          ),
      }),
    }),
    satisfactionHalfLifeDays: t.int({
      description: "Days after which a signal's weight in the satisfaction score halves, 1–3 650.",
    }),
    slaHours: t.field({
      description: 'SLA targets per incident severity.',
      type: intInput(
        'SlaHoursInput',
        SEVERITY_KEYS,
        'Hours from opening to the SLA due time (1 or more), per severity.',
      ),
    }),
    contactCap: t.field({
      description: 'The cap on MARKETING and SURVEY_INVITE contacts per customer.',
      type: intInput('ContactCapInput', ['max', 'days'], 'At most `max` capped contacts in any `days` days.', 'cap.'),
    }),
    pulse: t.field({
      description: 'The team pulse; what is left out stays.',
      type: builder.inputType('PulseSettingsInput', {
        description: 'The team pulse settings.',
        fields: (p) => ({
          monthly: p.boolean({ description: 'Open a round at the start of every month.' }),
          openDays: p.int({ description: 'Days a round stays open.' }),
          threshold: p.int({ description: "A team's figures show from this many answers (3 or more)." }),
        }),
      }),
    }),
    surveyTriggers: t.field({
      description: 'When Trofast asks customers by itself; what is left out stays.',
      type: builder.inputType('SurveyTriggersInput', {
        description: 'A survey id given as null turns its trigger off; left out, it stays.',
        fields: (s) => ({
          csatAfterResolveSurveyId: s.id({
            description: 'The CSAT survey sent after an incident is resolved; null: off.',
          }),
          csatDelayMinutes: s.int({
            description: 'Minutes after resolving before the CSAT invitation goes, 0–43 200.',
          }),
          npsSurveyId: s.id({ description: 'The NPS survey of the relational cadence; null: off.' }),
          npsEveryMonths: s.int({ description: "Months between a customer's NPS invitations, 1–60." }),
          surveyCooldownDays: s.int({ description: 'Days between two survey invitations to one customer, 0–365.' }),
        }),
      }),
    }),
    messageSender: t.field({
      description: 'Who customers see an email from; what is left out stays.',
      type: builder.inputType('MessageSenderInput', {
        description: 'A field given as null or empty goes back to the default; left out, it stays.',
        fields: (m) => ({
          name: m.string({ description: "The sender's name in the customer's inbox, 1–100 characters on one line." }),
          replyTo: m.string({ description: "Where a customer's reply goes: one email address." }),
        }),
      }),
    }),
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
    description:
      "Changes the organization's rules: new tier thresholds re-tier every customer at once; new weights are applied to every customer by the background recompute. ADMIN only.",
    errors: {
      types: [ValidationError, ...ACCESS_ERRORS],
      dataField: { description: 'Every setting after the change.' },
    },
    args: { settings: t.arg({ type: SettingsInput, required: true, description: 'What changes.' }) },
    resolve: async (_root, { settings }, context) => {
      const caller = authenticated(context);
      const triggers = settings.surveyTriggers;
      const surveyId = (id: string | number | null | undefined) => (id == null ? id : rawId(String(id), 'Survey'));
      await updateOrganizationSettings(
        caller,
        triggers
          ? {
              ...settings,
              surveyTriggers: {
                ...triggers,
                csatAfterResolveSurveyId: surveyId(triggers.csatAfterResolveSurveyId),
                npsSurveyId: surveyId(triggers.npsSurveyId),
              },
            }
          : settings,
      );
      return organizationSettings(caller);
    },
  }),
);
