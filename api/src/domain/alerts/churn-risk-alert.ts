import type { AlertSeverity, RiskLevel } from '../types.ts';
import { riskLevelRank } from '../risk/risk-level.ts';

/**
 * What the alert service does with a CHURN_RISK alert after a recomputation:
 * - RAISE: the level rose to HIGH or CRITICAL from below HIGH: open an alert with this severity;
 * - ESCALATE: the level rose from HIGH to CRITICAL: raise the open alert's severity (or open one
 *   if a person resolved it meanwhile);
 * - RESOLVE: the level fell below HIGH: resolve the open alert, if any, with the note RISK_BELOW_HIGH;
 * - NONE: anything else, including CRITICAL falling to HIGH (the open alert stays as it is: the
 *   customer is still at risk, and a falling level is no news to interrupt anyone with).
 */
export type ChurnRiskAlertDecision =
  | { action: 'RAISE'; severity: AlertSeverity }
  | { action: 'ESCALATE'; severity: AlertSeverity }
  | { action: 'RESOLVE' }
  | { action: 'NONE' };

const HIGH = riskLevelRank('HIGH');

const severityOf = (level: RiskLevel): AlertSeverity => (level === 'CRITICAL' ? 'CRITICAL' : 'WARNING');

/** `previous` is the level stored before this computation; null for a customer never computed. */
export function decideChurnRiskAlert(previous: RiskLevel | null, next: RiskLevel): ChurnRiskAlertDecision {
  const before = riskLevelRank(previous ?? 'LOW');
  const after = riskLevelRank(next);
  if (after >= HIGH && after > before) {
    return before >= HIGH
      ? { action: 'ESCALATE', severity: severityOf(next) }
      : { action: 'RAISE', severity: severityOf(next) };
  }
  if (after < HIGH && before >= HIGH) return { action: 'RESOLVE' };
  return { action: 'NONE' };
}
