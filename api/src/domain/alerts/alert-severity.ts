import type { AlertSeverity, IncidentSeverity, RiskLevel } from '../types.ts';

/** What decides each kind's severity (PRODUCT.md "Alerts"). */
export type AlertSeverityInput =
  | { kind: 'CHURN_RISK'; level: RiskLevel }
  | { kind: 'TWO_STRIKES' }
  | { kind: 'INCIDENT'; incidentSeverity: IncidentSeverity }
  | { kind: 'SLA_BREACH' }
  /** `topSpender`: in the organization's top 10% by 12-month spend (see topSpendThreshold). */
  | { kind: 'IGNORED'; topSpender: boolean }
  | { kind: 'DETRACTOR' }
  | { kind: 'STAFF_CONCERN' };

/**
 * The severity of an alert, or null when the situation raises none (a LOW or MEDIUM incident, a
 * churn risk below HIGH). Spend only raises the stakes of IGNORED; it is never a risk factor.
 */
export function alertSeverity(input: AlertSeverityInput): AlertSeverity | null {
  switch (input.kind) {
    case 'CHURN_RISK':
      return input.level === 'CRITICAL' ? 'CRITICAL' : input.level === 'HIGH' ? 'WARNING' : null;
    case 'TWO_STRIKES':
      return 'CRITICAL';
    case 'INCIDENT':
      return input.incidentSeverity === 'CRITICAL' ? 'CRITICAL' : input.incidentSeverity === 'HIGH' ? 'WARNING' : null;
    case 'SLA_BREACH':
      return 'WARNING';
    case 'IGNORED':
      return input.topSpender ? 'WARNING' : 'INFO';
    case 'DETRACTOR':
    case 'STAFF_CONCERN':
      return 'WARNING';
  }
}
