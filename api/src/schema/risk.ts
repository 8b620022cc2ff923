// The churn-risk read model on the customer, explained: every factor with its points and a
// sentence in the reader's language (or the one asked for).
import { builder } from './builder.ts';
import { LocaleEnum, RiskLevelEnum } from './enums.ts';
import { readerLocale } from '../context.ts';
import type { RiskLevel, Locale } from '../domain/types.ts';
import { renderRiskFactor } from '../domain/risk/risk-factor-sentence.ts';
import { renderEngagementPart } from '../domain/risk/engagement-sentence.ts';
import { renderSatisfactionPart } from '../domain/risk/satisfaction-sentence.ts';

interface StoredPart {
  code: string;
  points?: number;
  count?: number;
  params: unknown;
}

/** A stored factor or part with the renderer that puts it into words. */
type Explained = StoredPart & { render: (code: string, params: unknown, locale: Locale) => string };

function explained(render: Explained['render']) {
  return (parts: unknown): Explained[] => ((parts as StoredPart[] | null) ?? []).map((part) => ({ ...part, render }));
}

const RiskFactorRef = builder.objectRef<Explained>('RiskFactor').implement({
  description: 'One reason for the churn risk, with the points it adds (negative: lowers it).',
  fields: (t) => ({
    code: t.exposeString('code', {
      description:
        'The factor: TWO_STRIKES, BAD_EXPERIENCE, UNRESOLVED_INCIDENT, SLA_BREACHED, IGNORED, DETRACTOR, PASSIVE, ENGAGEMENT_DROP, RECOVERED or PROMOTER.',
    }),
    points: t.int({
      description: 'Points it adds to the score; negative lowers it.',
      resolve: (factor) => factor.points ?? 0,
    }),
    explanation: t.string({
      description: 'Why it applies, in one plain sentence.',
      args: { locale: t.arg({ type: LocaleEnum, description: "Default: the reader's language." }) },
      resolve: async (factor, { locale }, context) =>
        factor.render(factor.code, factor.params, locale ?? (await readerLocale(context))),
    }),
  }),
});

const ScorePartRef = builder.objectRef<Explained>('ScorePart').implement({
  description: 'One part of the engagement or satisfaction score, explained.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Which part, e.g. PURCHASES or INBOUND_INTERACTIONS.' }),
    points: t.int({
      nullable: true,
      description: 'What it adds to the score (after its cap); null for a part with no points of its own.',
      resolve: (part) => part.points ?? null,
    }),
    count: t.int({
      nullable: true,
      description: 'How many events or signals it counts; null when not a count.',
      resolve: (part) => part.count ?? null,
    }),
    explanation: t.string({
      description: 'The part in one plain sentence.',
      args: { locale: t.arg({ type: LocaleEnum, description: "Default: the reader's language." }) },
      resolve: async (part, { locale }, context) =>
        part.render(part.code, part.params, locale ?? (await readerLocale(context))),
    }),
  }),
});

const RiskRef = builder
  .objectRef<{ score: number; level: RiskLevel; factors: unknown; computedAt: Date }>('Risk')
  .implement({
    description:
      'Churn risk 0–100: LOW < 30 ≤ MEDIUM < 50 ≤ HIGH < 70 ≤ CRITICAL (thresholds in settings). Spend is never a factor.',
    fields: (t) => ({
      score: t.exposeInt('score', { description: 'The capped sum of the factors, 0–100.' }),
      level: t.expose('level', { type: RiskLevelEnum, description: 'The band the score falls in.' }),
      factors: t.field({
        type: [RiskFactorRef],
        description: 'Every factor that applies; empty when none does.',
        resolve: (risk) => explained(renderRiskFactor)(risk.factors),
      }),
      computedAt: t.expose('computedAt', {
        type: 'DateTime',
        description: "When it was last computed: whenever the customer's events change, and as time passes.",
      }),
    }),
  });

builder.prismaObjectFields('Customer', (t) => ({
  risk: t.field({
    type: RiskRef,
    description: 'How likely the customer is to leave, and why.',
    select: { riskScore: true, riskLevel: true, riskFactors: true, riskComputedAt: true },
    resolve: (customer) => ({
      score: customer.riskScore,
      level: customer.riskLevel,
      factors: customer.riskFactors,
      computedAt: customer.riskComputedAt,
    }),
  }),
  engagement: t.exposeInt('engagement', {
    description: '0–100, forward-looking: what the customer did with you lately.',
  }),
  engagementParts: t.field({
    type: [ScorePartRef],
    description: 'What makes up the engagement score, each part explained.',
    select: { engagementParts: true },
    resolve: (customer) => explained(renderEngagementPart)(customer.engagementParts),
  }),
  satisfaction: t.exposeInt('satisfaction', {
    description: '0–100, backward-looking: what they told you and how incidents ended (50 when unknown).',
  }),
  satisfactionKnown: t.exposeBoolean('satisfactionKnown', {
    description: 'false when no signal of the last 365 days exists (satisfaction is then 50).',
  }),
  satisfactionParts: t.field({
    type: [ScorePartRef],
    description: 'What makes up the satisfaction score, each part explained.',
    select: { satisfactionParts: true },
    resolve: (customer) => explained(renderSatisfactionPart)(customer.satisfactionParts),
  }),
}));
