// Satisfaction looks back: what the customer told us and how their incidents ended.
import type { OrganizationSettings } from '../settings.ts';
import type { CustomerSatisfied } from '../types.ts';
import { DAY_MS, isWithinDays } from '../time/duration.ts';
import type { SatisfactionPartReason } from './satisfaction-sentence.ts';

export type SatisfactionSignal =
  | { kind: 'NPS'; score: number; occurredAt: Date }
  | { kind: 'CSAT'; score: number; occurredAt: Date }
  /** A resolved incident at its resolution time; UNKNOWN outcomes are not signals and are skipped. */
  | { kind: 'INCIDENT'; customerSatisfied: CustomerSatisfied; occurredAt: Date };

export type SatisfactionPart = SatisfactionPartReason & { count: number; average: number; share: number };

export interface Satisfaction {
  /** 0–100; 50 when there is no signal. */
  score: number;
  /** False when no signal of the last 365 days backs the score. */
  known: boolean;
  parts: SatisfactionPart[];
  /**
   * When a signal leaves the 365 days; null if none will. Every weight halves at the same pace,
   * so the weighted mean (and each part's share) stays the same between those moments.
   */
  nextChangeAt: Date | null;
}

const WINDOW_DAYS = 365;
const UNKNOWN_SCORE = 50;

type PartCode = Exclude<SatisfactionPart['code'], 'NO_SIGNALS'>;
const PART_ORDER: readonly PartCode[] = ['NPS', 'CSAT', 'RESOLVED_SATISFIED', 'RESOLVED_UNSATISFIED'];

/** A signal on the 0–100 scale, with the part it belongs to; null when it says nothing. */
function valueOf(signal: SatisfactionSignal): { code: PartCode; value: number } | null {
  const scale = (value: number) => Math.min(100, Math.max(0, value));
  switch (signal.kind) {
    case 'NPS':
      return { code: 'NPS', value: scale(signal.score * 10) };
    case 'CSAT':
      return { code: 'CSAT', value: scale((signal.score - 1) * 25) };
    case 'INCIDENT':
      if (signal.customerSatisfied === 'YES') return { code: 'RESOLVED_SATISFIED', value: 100 };
      if (signal.customerSatisfied === 'NO') return { code: 'RESOLVED_UNSATISFIED', value: 0 };
      return null;
  }
}

/** The weighted mean of the last 365 days' signals, each weighted 0.5^(age in days / half-life). */
export function computeSatisfaction(
  signals: readonly SatisfactionSignal[],
  settings: OrganizationSettings['satisfaction'],
  now: Date,
): Satisfaction {
  const sums = new Map<PartCode, { count: number; weight: number; weighted: number }>();
  let nextChangeAt: number | null = null;
  for (const signal of signals) {
    const valued = valueOf(signal);
    if (valued === null || !isWithinDays(signal.occurredAt, WINDOW_DAYS, now)) continue;
    const ageDays = (now.getTime() - signal.occurredAt.getTime()) / DAY_MS;
    const weight = 0.5 ** (ageDays / settings.halfLifeDays);
    const sum = sums.get(valued.code) ?? { count: 0, weight: 0, weighted: 0 };
    sums.set(valued.code, {
      count: sum.count + 1,
      weight: sum.weight + weight,
      weighted: sum.weighted + weight * valued.value,
    });
    const leavesAt = signal.occurredAt.getTime() + WINDOW_DAYS * DAY_MS;
    if (nextChangeAt === null || leavesAt < nextChangeAt) nextChangeAt = leavesAt;
  }

  const totalWeight = [...sums.values()].reduce((total, sum) => total + sum.weight, 0);
  if (totalWeight === 0) {
    return {
      score: UNKNOWN_SCORE,
      known: false,
      parts: [{ code: 'NO_SIGNALS', count: 0, average: UNKNOWN_SCORE, share: 100, params: {} }],
      nextChangeAt: null,
    };
  }
  const totalWeighted = [...sums.values()].reduce((total, sum) => total + sum.weighted, 0);
  const parts = PART_ORDER.flatMap((code): SatisfactionPart[] => {
    const sum = sums.get(code);
    if (sum === undefined) return [];
    const average = Math.round(sum.weighted / sum.weight);
    const share = Math.round((100 * sum.weight) / totalWeight);
    return [{ code, count: sum.count, average, share, params: { count: sum.count, average, share } }];
  });
  return {
    score: Math.round(totalWeighted / totalWeight),
    known: true,
    parts,
    nextChangeAt: nextChangeAt === null ? null : new Date(nextChangeAt),
  };
}
