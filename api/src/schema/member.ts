// The customer's own page (PRODUCT.md "The customer's own page"): the ways in (an email link's
// token, a shop's signed customer token), the member's own figures, and what they may change.
// A member session reads `member` and calls the member mutations; nothing else answers it.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from './builder.ts';
import {
  IncidentCategoryEnum,
  IncidentStatusEnum,
  LocaleEnum,
  PointsEntryKindEnum,
  RedemptionStatusEnum,
  RewardKindEnum,
  SurveyKindEnum,
  TierEnum,
} from './enums.ts';
import { ACCESS_ERRORS } from './errors.ts';
import { ChannelConsentInput, ChannelConsentRef, CustomerRef, customerRef, everyChannel } from './customer.ts';
import { MessageNode } from './message.ts';
import { IDEMPOTENCY_KEY } from './idempotency.ts';
import { REDEEM_ERRORS } from './redemption.ts';
import { rawId } from './ids.ts';
import type { Context } from '../context.ts';
import { NotFoundError, RateLimitedError, ValidationError } from '../domain/errors.ts';
import type { Locale } from '../domain/types.ts';
import type { TierProgress } from '../domain/points/tier-progress.ts';
import { tierProgressSentence } from '../domain/points/tier-progress-sentence.ts';
import { authenticated } from '../auth/caller.ts';
import { tenantDb } from '../runtime.ts';
import { resolveCustomerRef } from '../services/customer.service.ts';
import {
  createMemberSigningSecret,
  exchangeCustomerToken,
  requestMemberLink,
  sendMemberLink,
  startMemberSession,
  type MemberSession,
} from '../services/member-access.service.ts';
import {
  memberConsents,
  memberCustomer,
  memberDataExport,
  memberExpiringPoints,
  memberIncidents,
  memberLedgerPage,
  memberOpenInvitations,
  memberRedeemReward,
  memberRedemptions,
  memberReportProblem,
  memberRewards,
  memberUpdateConsents,
  type MemberCaller,
  type MemberView,
} from '../services/member.service.ts';

/** The member behind a field the access matrix opened to members only. */
function member(context: Context): MemberCaller {
  if (context.caller.kind !== 'member') throw new Error('A member field ran for a caller that is not a member.');
  return context.caller;
}

const RewardAvailabilityEnum = builder.enumType('RewardAvailability', {
  description: 'Whether the member can take a reward now: the first that applies, in this order.',
  values: {
    OUT_OF_STOCK: { description: 'None left.' },
    NEEDS_TIER: { description: 'Only for a higher tier than the member’s.' },
    NEEDS_POINTS: { description: '`pointsMissing` more points are needed.' },
    AVAILABLE: { description: 'The member can take it now.' },
  },
});

const MemberSessionRef = builder.objectRef<MemberSession>('MemberSession').implement({
  description: 'Send the token as `Authorization: Bearer <token>`: it opens this customer’s own data and nothing else.',
  fields: (t) => ({
    token: t.exposeString('token', { description: 'The session’s bearer token; keep it secret.' }),
    expiresAt: t.expose('expiresAt', {
      type: 'DateTime',
      description: 'When the session ends (30 days after it starts).',
    }),
  }),
});

const TierProgressRef = builder.objectRef<TierProgress & { readerLocale: Locale }>('TierProgress').implement({
  description: 'Points earned in the rolling 12 months, what the next tier needs and what keeps this one.',
  fields: (t) => ({
    tier: t.expose('tier', { type: TierEnum, description: 'The tier the customer is in now.' }),
    pointsEarned12Months: t.exposeInt('pointsEarned12Months', {
      description: 'Points earned in the rolling 12 months.',
    }),
    nextTier: t.expose('nextTier', { type: TierEnum, nullable: true, description: 'The tier above; null at the top.' }),
    pointsToNextTier: t.exposeInt('pointsToNextTier', {
      nullable: true,
      description: 'Points still to earn to reach `nextTier`; null at the top.',
    }),
    pointsToKeepTier: t.exposeInt('pointsToKeepTier', {
      nullable: true,
      description: 'What must be earned before `keepTierBy` to stay in this tier.',
    }),
    keepTierBy: t.expose('keepTierBy', {
      type: 'DateTime',
      nullable: true,
      description:
        'The first date on which the points earned in the rolling 12 months fall below this tier’s threshold; null when they never do.',
    }),
    explanation: t.string({
      description: 'In the member’s language: "320 of 1,000 points to Silver."',
      resolve: (progress) => tierProgressSentence(progress, progress.readerLocale),
    }),
  }),
});

const ExpiringPointsRef = builder.objectRef<{ points: number; expiresAt: Date }>('ExpiringPoints').implement({
  description: 'Points of one earning that expire on one date unless spent first (the oldest are spent first).',
  fields: (t) => ({
    points: t.exposeInt('points', { description: 'Points of the lot still unspent.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'When they expire.' }),
  }),
});

type LedgerEntry = Awaited<ReturnType<typeof memberLedgerPage>>['edges'][number]['node'];
const MemberLedgerEntryRef = builder.objectRef<LedgerEntry>('MemberLedgerEntry').implement({
  description: 'One movement of the member’s points, as their page shows it.',
  fields: (t) => ({
    delta: t.exposeInt('delta', { description: 'Points added (positive) or taken (negative).' }),
    kind: t.expose('kind', { type: PointsEntryKindEnum, description: 'What moved the points.' }),
    explanation: t.exposeString('explanation', { description: 'The movement in the member’s words.' }),
    balanceAfter: t.exposeInt('balanceAfter', { description: 'The balance right after this movement.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the points moved.' }),
    expiresAt: t.expose('expiresAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When points earned here expire; null for entries that do not expire.',
    }),
  }),
});

type MemberRewardValue = Awaited<ReturnType<typeof memberRewards>>[number];
const MemberRewardRef = builder.objectRef<MemberRewardValue>('MemberReward').implement({
  description: 'A reward of the catalogue as the member sees it: what it costs and whether they can take it now.',
  fields: (t) => ({
    id: t.id({ description: 'The Reward’s global id.', resolve: (reward) => encodeGlobalID('Reward', reward.id) }),
    name: t.exposeString('name', { description: 'What the reward is called.' }),
    description: t.exposeString('description', { nullable: true, description: 'What the member gets, in words.' }),
    kind: t.expose('kind', { type: RewardKindEnum, description: 'What sort of reward it is.' }),
    pointsCost: t.exposeInt('pointsCost', { description: 'Points it costs.' }),
    availability: t.expose('availability', {
      type: RewardAvailabilityEnum,
      description: 'Whether the member can take it now, and if not, why.',
    }),
    pointsMissing: t.exposeInt('pointsMissing', { description: '0 unless NEEDS_POINTS.' }),
    requiredTier: t.expose('minimumTier', { type: TierEnum, description: 'The lowest tier that may take it.' }),
  }),
});

interface MemberRedemptionValue {
  id: string;
  points: number;
  status: 'FULFILLED' | 'CANCELLED';
  createdAt: Date;
  reward: { name: string };
}
const MemberRedemptionRef = builder.objectRef<MemberRedemptionValue>('MemberRedemption').implement({
  description: 'A reward the member took.',
  fields: (t) => ({
    id: t.id({
      description: 'The Redemption’s global id.',
      resolve: (redemption) => encodeGlobalID('Redemption', redemption.id),
    }),
    rewardName: t.string({ description: 'The reward taken.', resolve: (redemption) => redemption.reward.name }),
    points: t.exposeInt('points', { description: 'Points it cost.' }),
    status: t.expose('status', {
      type: RedemptionStatusEnum,
      description: 'FULFILLED, or CANCELLED with the points given back.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was taken.' }),
  }),
});

type MemberIncidentValue = Awaited<ReturnType<typeof memberIncidents>>[number];
const MemberIncidentRef = builder.objectRef<MemberIncidentValue>('MemberIncident').implement({
  description: 'A problem of the member’s, as their page shows it: no staff, notes or scores.',
  fields: (t) => ({
    id: t.id({
      description: 'The Incident’s global id.',
      resolve: (incident) => encodeGlobalID('Incident', incident.id),
    }),
    title: t.exposeString('title', { description: 'The problem in a few words.' }),
    status: t.expose('status', { type: IncidentStatusEnum, description: 'Where it stands.' }),
    openedAt: t.expose('openedAt', { type: 'DateTime', description: 'When it was reported.' }),
    resolvedAt: t.expose('resolvedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was resolved; null while open.',
    }),
  }),
});

type MemberInvitationValue = Awaited<ReturnType<typeof memberOpenInvitations>>[number];
const MemberInvitationRef = builder.objectRef<MemberInvitationValue>('MemberInvitation').implement({
  description: 'A survey invitation the member can still answer, with the token of its answer link.',
  fields: (t) => ({
    token: t.exposeString('token', {
      description: 'Opens the answer page (/a/<token>) and answers with `answerInvitation`; the member’s own.',
    }),
    question: t.exposeString('question', { description: 'What the survey asks.' }),
    kind: t.expose('kind', { type: SurveyKindEnum, description: 'NPS, CSAT or POLL: how it is answered.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'The last moment it takes an answer.' }),
  }),
});

const MemberRef = builder.objectRef<MemberView & { readerLocale: Locale }>('Member').implement({
  description: 'A customer’s own page: what they have, what it buys, what keeps their tier. Never risk or scores.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The customer’s name.' }),
    locale: t.expose('locale', { type: LocaleEnum, description: 'The language the customer is spoken to in.' }),
    organizationName: t.string({ description: 'Whose program it is.', resolve: (view) => view.organization.name }),
    organizationSlug: t.string({
      description: 'The organization’s slug, as in /m/<slug>.',
      resolve: (view) => view.organization.slug,
    }),
    pointsBalance: t.exposeInt('pointsBalance', { description: 'Points the member can spend now.' }),
    tierProgress: t.field({
      type: TierProgressRef,
      description: 'Where the member stands in the tiers.',
      resolve: async (view) => ({ ...(await view.tierProgress()), readerLocale: view.readerLocale }),
    }),
    expiringPoints: t.field({
      type: [ExpiringPointsRef],
      description: 'The lots expiring in the next 12 months, earliest first.',
      resolve: (view) => memberExpiringPoints(view.caller),
    }),
    pointsLedger: t.connection(
      {
        type: MemberLedgerEntryRef,
        description: 'Latest first, each entry a sentence in the member’s language; at most 100 a page.',
        resolve: (view, { first, after }) => memberLedgerPage(view.caller, view.readerLocale, first, after),
      },
      {
        name: 'MemberLedgerConnection',
        fields: (c) => ({
          totalCount: c.int({
            description: 'Entries in the whole ledger.',
            resolve: (connection) => (connection as unknown as { totalCount: number }).totalCount,
          }),
        }),
      },
      { name: 'MemberLedgerEdge' },
    ),
    rewards: t.field({
      type: [MemberRewardRef],
      description: 'The active rewards, cheapest first, each with whether the member can take it.',
      resolve: (view) => memberRewards(view),
    }),
    redemptions: t.field({
      type: [MemberRedemptionRef],
      description: 'The latest 100, newest first.',
      resolve: (view) => memberRedemptions(view.caller),
    }),
    openInvitations: t.field({
      type: [MemberInvitationRef],
      description: 'Survey invitations sent to the member and not yet answered or expired, soonest to expire first.',
      resolve: (view) => memberOpenInvitations(view.caller),
    }),
    incidents: t.field({
      type: [MemberIncidentRef],
      description: 'The latest 100 problems, newest first, with where each stands.',
      resolve: (view) => memberIncidents(view.caller),
    }),
    consents: t.field({
      type: [ChannelConsentRef],
      description: 'The member’s contact preferences, one per channel; they change them with `memberUpdateConsents`.',
      resolve: async (view) => everyChannel(await memberConsents(view.caller)),
    }),
    dataExport: t.field({
      type: 'JSON',
      description: 'Everything stored about the customer, for "download my data".',
      resolve: (view) => memberDataExport(view.caller),
    }),
  }),
});

builder.queryField('member', (t) =>
  t.field({
    type: MemberRef,
    nullable: true,
    description: 'A member session’s own customer; null for any other caller.',
    args: {
      locale: t.arg({
        type: LocaleEnum,
        description: 'Sentences in this language (the page’s switch); default: the customer’s.',
      }),
    },
    resolve: async (_root, { locale }, context) => {
      if (context.caller.kind !== 'member') return null;
      const view = await memberCustomer(context.caller);
      return { ...view, readerLocale: locale ?? view.locale };
    },
  }),
);

const RequestMemberLinkInput = builder.inputType('RequestMemberLinkInput', {
  description: 'Who asks for their page: the organization (its slug) and the email address it knows them by.',
  fields: (t) => ({
    organizationSlug: t.string({ required: true, description: 'The organization’s slug, as in /m/<slug>.' }),
    email: t.string({ required: true, description: 'The customer’s email address.' }),
  }),
});

builder.mutationField('requestMemberLink', (t) =>
  t.boolean({
    description:
      'Emails the customer with this address a link to their page (once, for 30 minutes). Public. Always true, whether or not the address is known; at most 5 links per address and 30 requests per client address an hour, beyond which nothing is sent.',
    args: { input: t.arg({ type: RequestMemberLinkInput, required: true, description: 'Who asks.' }) },
    resolve: (_root, { input }, context) => requestMemberLink(input, context.clientAddress),
  }),
);

builder.mutationField('sendMemberLink', (t) =>
  t.field({
    type: MessageNode,
    description:
      "Emails the customer a link to their page (a MEMBER_LINK message; never capped). AGENT and up. The message's copy masks the link when mail goes out over SMTP.",
    errors: {
      types: [ValidationError, NotFoundError, ...ACCESS_ERRORS],
      dataField: { description: 'The message, queued.' },
    },
    args: { customer: t.arg({ type: CustomerRef, required: true, description: 'Whom to send it to.' }) },
    resolve: async (_root, args, context) => {
      const caller = authenticated(context);
      const id = await sendMemberLink(caller, await resolveCustomerRef(tenantDb(caller), customerRef(args.customer)));
      return tenantDb(caller).message.findUniqueOrThrow({ where: { id } });
    },
  }),
);

builder.mutationField('startMemberSession', (t) =>
  t.field({
    type: MemberSessionRef,
    description: 'Spends an email link’s token (once, within 30 minutes) for a member session. Public.',
    errors: {
      types: [ValidationError, NotFoundError, RateLimitedError],
      dataField: { description: 'The new member session.' },
    },
    args: { linkToken: t.arg.string({ required: true }) },
    resolve: (_root, { linkToken }, context) => startMemberSession(linkToken, context.clientAddress),
  }),
);

builder.mutationField('exchangeCustomerToken', (t) =>
  t.field({
    type: MemberSessionRef,
    description:
      'Exchanges a customer token your server signed (HS256 with the member signing secret; iss = your slug, sub = the externalId, aud = "trofast", exp at most 10 minutes ahead) for a member session. Public.',
    errors: {
      types: [ValidationError, NotFoundError, RateLimitedError],
      dataField: { description: 'The new member session.' },
    },
    args: { customerToken: t.arg.string({ required: true }) },
    resolve: (_root, { customerToken }, context) => exchangeCustomerToken(customerToken, context.clientAddress),
  }),
);

builder.mutationField('memberRedeemReward', (t) =>
  t.field({
    type: MemberRedemptionRef,
    description: 'The member takes a reward, with every guarantee of redeemReward.',
    errors: { types: REDEEM_ERRORS, dataField: { description: 'The redemption.' } },
    args: { rewardId: t.arg.id({ required: true }), idempotencyKey: t.arg.string(IDEMPOTENCY_KEY) },
    resolve: (_root, { rewardId }, context) => memberRedeemReward(member(context), rawId(String(rewardId), 'Reward')),
  }),
);

builder.mutationField('memberUpdateConsents', (t) =>
  t.field({
    type: [ChannelConsentRef],
    description: 'The member’s own contact preferences (consent with source CUSTOMER); every channel comes back.',
    errors: {
      types: [ValidationError, ...ACCESS_ERRORS],
      dataField: { description: 'Every channel’s consent, as it now stands.' },
    },
    args: {
      consents: t.arg({
        type: [ChannelConsentInput],
        required: true,
        description: 'The channels to change and their new consent.',
      }),
    },
    resolve: async (_root, { consents }, context) =>
      everyChannel(await memberUpdateConsents(member(context), consents)),
  }),
);

const MemberReportProblemInput = builder.inputType('MemberReportProblemInput', {
  description: 'The problem the member reports, in their own words.',
  fields: (t) => ({
    title: t.string({ required: true }),
    description: t.string(),
    category: t.field({ type: IncidentCategoryEnum, description: 'Default: OTHER.' }),
  }),
});

builder.mutationField('memberReportProblem', (t) =>
  t.field({
    type: MemberIncidentRef,
    description: 'The member reports a problem: an incident with source CUSTOMER, in the staff’s queue.',
    errors: {
      types: [ValidationError, ...ACCESS_ERRORS],
      dataField: { description: 'The incident, as the member’s page shows it.' },
    },
    args: { input: t.arg({ type: MemberReportProblemInput, required: true, description: 'The problem.' }) },
    resolve: (_root, { input }, context) => memberReportProblem(member(context), input),
  }),
);

builder.mutationField('createMemberSigningSecret', (t) =>
  t.field({
    description:
      'Makes the member signing secret a shop’s server signs customer tokens with (`exchangeCustomerToken`). ADMIN only.',
    type: builder.objectRef<{ secret: string; createdAt: Date }>('CreatedMemberSigningSecret').implement({
      description: 'Shown once: keep it on your server. A new one replaces the old at once.',
      fields: (s) => ({
        secret: s.exposeString('secret', { description: 'The secret; its UTF-8 bytes are the HS256 key.' }),
        createdAt: s.expose('createdAt', { type: 'DateTime', description: 'When it was made.' }),
      }),
    }),
    errors: { types: [...ACCESS_ERRORS], dataField: { description: 'The secret, shown this once.' } },

    resolve: (_root, _args, context) => createMemberSigningSecret(authenticated(context)),
  }),
);

builder.prismaObjectField('Customer', 'memberPageLastUsedAt', (t) =>
  t.field({
    type: 'DateTime',
    nullable: true,
    description: 'When the customer last used their own page.',
    select: { memberSessions: { select: { lastUsedAt: true }, orderBy: { lastUsedAt: 'desc' }, take: 1 } },
    resolve: (customer) => customer.memberSessions[0]?.lastUsedAt ?? null,
  }),
);
