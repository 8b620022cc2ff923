// Churn risk: the capped sum of explained factors (PRODUCT.md "Bad experiences and churn risk").
// Spend is never a factor: big spenders leave as easily as anyone.
import type { OrganizationSettings } from '../settings.ts';
import type { ExperienceCause, RiskLevel } from '../types.ts';
import { DAY_MS, daysBetween, isWithinDays } from '../time/duration.ts';
import { cappedScore } from './capped-score.ts';
import { ignoredSince, type ContactFacts } from './ignored-since.ts';
import { LISTED_EXPERIENCES } from './experience-phrases.ts';
import type { RiskFactorReason } from './risk-factor-sentence.ts';
import { riskLevelFor } from './risk-level.ts';

type RiskSettings = OrganizationSettings['risk'];

export interface BadExperienceFact {
  occurredAt: Date;
  cause: ExperienceCause;
  /** The NPS or CSAT answer; null for an incident. */
  score: number | null;
}

export interface ChurnRiskFacts extends ContactFacts {
  /** Incidents reported, NPS 0–6 and CSAT 1–2 answers: at least those of the last 90 days. */
  badExperiences: readonly BadExperienceFact[];
  /** Incidents resolved with customerSatisfied YES, at their resolution: at least the last 90 days. */
  recoveries: readonly { occurredAt: Date }[];
  /** Incidents that are OPEN or IN_PROGRESS. */
  openIncidents: readonly { openedAt: Date; slaDueAt: Date }[];
  /** The customer's latest NPS answer (counted only if of the last 365 days). */
  latestNps: { score: number; occurredAt: Date } | null;
  /** When each purchase and interaction happened: at least those of the last 180 days. */
  activity: readonly Date[];
  /** Staff members' worries about the customer (flagConcern): at least those of the last 30 days. */
  concerns: readonly StaffConcernFact[];
}

export interface StaffConcernFact {
  flaggedAt: Date;
  /** The name of the staff member who flagged it. */
  by: string;
  note: string;
}

/** A factor as stored: its code, its points and the parameters its sentence needs. */
export type RiskFactor = RiskFactorReason & { points: number };

export interface ChurnRisk {
  /** 0–100: the sum of the factors' points, capped at both ends. */
  score: number;
  level: RiskLevel;
  /** In the order of the spec's table; a factor worth 0 points in the settings is left out. */
  factors: RiskFactor[];
  /**
   * The earliest moment after `now` at which, with no new event, a factor would appear, go, change
   * its points or change what its sentence says (other than IGNORED's running day count); null
   * when time alone changes nothing. Recompute at or after it.
   */
  nextChangeAt: Date | null;
}

const STRIKE_DAYS = 90;
const RECOVERY_DAYS = 90;
const ACTIVITY_DAYS = 90;
const CONCERN_DAYS = 30;
/** How long the latest NPS answer counts: a detractor, passive or promoter for a year. */
export const LATEST_NPS_DAYS = 365;
const IGNORED_STEPS = [180, 90, 45] as const;
/** The spec's table order, so the explanation reads the same way for every customer. */
const FACTOR_ORDER: readonly RiskFactor['code'][] = [
  'TWO_STRIKES',
  'BAD_EXPERIENCE',
  'UNRESOLVED_INCIDENT',
  'SLA_BREACHED',
  'IGNORED',
  'DETRACTOR',
  'PASSIVE',
  'ENGAGEMENT_DROP',
  'RECOVERED',
  'PROMOTER',
  'STAFF_CONCERN',
];

export function computeChurnRisk(facts: ChurnRiskFacts, settings: RiskSettings, now: Date): ChurnRisk {
  const factors = factorsAt(facts, settings, now);
  const score = cappedScore(factors);
  return {
    score,
    level: riskLevelFor(score, settings.levels),
    factors,
    nextChangeAt: nextChangeAt(facts, settings, now, factors),
  };
}

function factorsAt(facts: ChurnRiskFacts, settings: RiskSettings, at: Date): RiskFactor[] {
  const factors: RiskFactor[] = [];
  const add = (factor: RiskFactor) => {
    if (factor.points !== 0) factors.push(factor);
  };

  const strikes = facts.badExperiences
    .filter((experience) => isWithinDays(experience.occurredAt, STRIKE_DAYS, at))
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  if (strikes.length > 0) {
    const params = {
      count: strikes.length,
      experiences: strikes.slice(-LISTED_EXPERIENCES).map(({ cause, score, occurredAt }) => ({
        cause,
        ...(score === null ? {} : { score }),
        occurredAt: occurredAt.toISOString(),
      })),
    };
    if (strikes.length === 1) add({ code: 'BAD_EXPERIENCE', points: settings.badExperience, params });
    else
      add({ code: 'TWO_STRIKES', points: strikes.length >= 3 ? settings.threeStrikes : settings.twoStrikes, params });
  }

  const openCount = facts.openIncidents.length;
  if (openCount > 0) {
    const points = Math.min(openCount * settings.unresolvedIncident, settings.unresolvedIncidentMax);
    add({ code: 'UNRESOLVED_INCIDENT', points, params: { count: openCount } });
  }

  const breachedDues = facts.openIncidents
    .filter((incident) => at > incident.slaDueAt)
    .map((incident) => incident.slaDueAt.getTime());
  if (breachedDues.length > 0) {
    const firstDueAt = new Date(Math.min(...breachedDues)).toISOString();
    add({ code: 'SLA_BREACHED', points: settings.slaBreached, params: { count: breachedDues.length, firstDueAt } });
  }

  const { since, neverContacted } = ignoredSince(facts);
  const days = daysBetween(since, at);
  const step = IGNORED_STEPS.find((threshold) => days >= threshold);
  if (step !== undefined) {
    add({
      code: 'IGNORED',
      points: settings[`ignored${step}`],
      params: { days, since: since.toISOString(), neverContacted },
    });
  }

  const nps = facts.latestNps;
  if (nps !== null && isWithinDays(nps.occurredAt, LATEST_NPS_DAYS, at)) {
    const params = { score: nps.score, answeredAt: nps.occurredAt.toISOString() };
    if (nps.score <= 6) add({ code: 'DETRACTOR', points: settings.detractor, params });
    else if (nps.score <= 8) add({ code: 'PASSIVE', points: settings.passive, params });
    else add({ code: 'PROMOTER', points: settings.promoter, params });
  }

  const recent = facts.activity.filter((occurredAt) => isWithinDays(occurredAt, ACTIVITY_DAYS, at)).length;
  const previous = facts.activity.filter(
    (occurredAt) => !isWithinDays(occurredAt, ACTIVITY_DAYS, at) && isWithinDays(occurredAt, 2 * ACTIVITY_DAYS, at),
  ).length;
  if (previous >= 2 && recent < previous / 2) {
    add({ code: 'ENGAGEMENT_DROP', points: settings.engagementDrop, params: { recent, previous } });
  }

  const recoveries = facts.recoveries.filter((recovery) => isWithinDays(recovery.occurredAt, RECOVERY_DAYS, at));
  if (recoveries.length > 0) {
    const lastAt = new Date(Math.max(...recoveries.map((recovery) => recovery.occurredAt.getTime()))).toISOString();
    add({ code: 'RECOVERED', points: settings.recovered, params: { count: recoveries.length, lastAt } });
  }

  const concerns = facts.concerns
    .filter((concern) => isWithinDays(concern.flaggedAt, CONCERN_DAYS, at))
    .sort((a, b) => b.flaggedAt.getTime() - a.flaggedAt.getTime());
  if (concerns.length > 0) {
    // The newest worry is the one to read; the count says whether others share it.
    const [latest] = concerns;
    add({
      code: 'STAFF_CONCERN',
      points: settings.staffConcern,
      params: { count: concerns.length, by: latest.by, note: latest.note, flaggedAt: latest.flaggedAt.toISOString() },
    });
  }

  return factors.sort((a, b) => FACTOR_ORDER.indexOf(a.code) - FACTOR_ORDER.indexOf(b.code));
}

/** What a factor means for "has it changed": everything but IGNORED's running day count. */
function signature(factors: readonly RiskFactor[]): string {
  return JSON.stringify(
    factors.map((factor) =>
      factor.code === 'IGNORED'
        ? { code: factor.code, points: factor.points, since: factor.params.since }
        : { code: factor.code, points: factor.points, params: factor.params },
    ),
  );
}

// Factors only change when an event crosses a window's edge, an IGNORED step is reached or an SLA
// passes; between those instants they are constant. So trying each such instant in order finds the
// exact next change, including the ones that turn out not to matter (a fourth strike leaving while
// three remain still changes the sentence; an activity shift that keeps the drop rule's verdict
// and counts does not happen).
function nextChangeAt(facts: ChurnRiskFacts, settings: RiskSettings, now: Date, current: RiskFactor[]): Date | null {
  const { since } = ignoredSince(facts);
  const candidates = [
    ...facts.badExperiences.map((experience) => experience.occurredAt.getTime() + STRIKE_DAYS * DAY_MS),
    ...facts.recoveries.map((recovery) => recovery.occurredAt.getTime() + RECOVERY_DAYS * DAY_MS),
    ...facts.activity.flatMap((occurredAt) => [
      occurredAt.getTime() + ACTIVITY_DAYS * DAY_MS,
      occurredAt.getTime() + 2 * ACTIVITY_DAYS * DAY_MS,
    ]),
    ...IGNORED_STEPS.map((threshold) => since.getTime() + threshold * DAY_MS),
    // Breached means strictly past due: the first breached instant is one millisecond after.
    ...facts.openIncidents.map((incident) => incident.slaDueAt.getTime() + 1),
    ...facts.concerns.map((concern) => concern.flaggedAt.getTime() + CONCERN_DAYS * DAY_MS),
    ...(facts.latestNps ? [facts.latestNps.occurredAt.getTime() + LATEST_NPS_DAYS * DAY_MS] : []),
  ];
  const future = [...new Set(candidates.filter((time) => time > now.getTime()))].sort((a, b) => a - b);
  const currentSignature = signature(current);
  for (const time of future) {
    const at = new Date(time);
    if (signature(factorsAt(facts, settings, at)) !== currentSignature) return at;
  }
  return null;
}
