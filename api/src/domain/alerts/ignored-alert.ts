import type { RiskFactor } from '../risk/churn-risk.ts';

/** Days without personal contact from which an IGNORED alert is raised. */
export const IGNORED_ALERT_DAYS = 90;

/**
 * Whether a customer has crossed 90 days without personal contact, read from their churn-risk
 * factors so the alert and the factor count from the same moment (the last personal contact, or
 * the earliest trace of a customer never contacted). Null when no alert is due. The risk's
 * nextChangeAt includes the 90-day crossing, so the recompute that crosses it raises the alert.
 */
export function ignoredAlertDue(
  factors: readonly RiskFactor[],
): { days: number; since: string; neverContacted: boolean } | null {
  const ignored = factors.find((factor) => factor.code === 'IGNORED');
  if (ignored?.code !== 'IGNORED' || ignored.params.days < IGNORED_ALERT_DAYS) return null;
  return ignored.params;
}
