import type { OrganizationSettings } from '../settings.ts';
import type { RiskLevel } from '../types.ts';

/** Lowest first: a level's index is its rank. */
export const RISK_LEVEL_ORDER: readonly RiskLevel[] = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

/** LOW < MEDIUM ≤ score < HIGH ≤ score < CRITICAL ≤ score, from the organization's thresholds. */
export function riskLevelFor(score: number, levels: OrganizationSettings['risk']['levels']): RiskLevel {
  if (score >= levels.CRITICAL) return 'CRITICAL';
  if (score >= levels.HIGH) return 'HIGH';
  if (score >= levels.MEDIUM) return 'MEDIUM';
  return 'LOW';
}

export function riskLevelRank(level: RiskLevel): number {
  return RISK_LEVEL_ORDER.indexOf(level);
}
