// Engagement looks forward: what the customer did with us lately, whatever they thought of it.
import type { OrganizationSettings } from '../settings.ts';
import { DAY_MS, isWithinDays } from '../time/duration.ts';
import { cappedScore } from './capped-score.ts';
import type { EngagementPartReason } from './engagement-sentence.ts';

type EngagementSettings = OrganizationSettings['engagement'];

export interface EngagementFacts {
  /** When each INBOUND interaction happened: at least the last 90 days. */
  inboundInteractions: readonly Date[];
  purchases: readonly Date[];
  /** Feedback answers given (with or without a survey). */
  feedback: readonly Date[];
  /** Redemptions that were not cancelled. */
  redemptions: readonly Date[];
}

export type EngagementPart = EngagementPartReason & { count: number; points: number };

export interface Engagement {
  /** 0–100. */
  score: number;
  /** Only the parts that counted something, in a fixed order. */
  parts: EngagementPart[];
  /** When the next counted event leaves the 90 days (each changes a part); null if none will. */
  nextChangeAt: Date | null;
}

const WINDOW_DAYS = 90;

const PARTS = [
  ['INBOUND_INTERACTIONS', 'inboundInteractions', 'inboundInteraction'],
  ['PURCHASES', 'purchases', 'purchase'],
  ['FEEDBACK', 'feedback', 'feedback'],
  ['REDEMPTIONS', 'redemptions', 'redemption'],
] as const;

export function computeEngagement(facts: EngagementFacts, settings: EngagementSettings, now: Date): Engagement {
  const parts: EngagementPart[] = [];
  let nextChangeAt: number | null = null;
  for (const [code, factKey, settingKey] of PARTS) {
    const counted = facts[factKey].filter((occurredAt) => isWithinDays(occurredAt, WINDOW_DAYS, now));
    if (counted.length === 0) continue;
    const { each, max } = settings[settingKey];
    const points = Math.min(counted.length * each, max);
    const capped = counted.length * each > max;
    parts.push({ code, count: counted.length, points, params: { count: counted.length, points, capped } });
    for (const occurredAt of counted) {
      const leavesAt = occurredAt.getTime() + WINDOW_DAYS * DAY_MS;
      if (nextChangeAt === null || leavesAt < nextChangeAt) nextChangeAt = leavesAt;
    }
  }
  return {
    score: cappedScore(parts),
    parts,
    nextChangeAt: nextChangeAt === null ? null : new Date(nextChangeAt),
  };
}
