import type { AlertKind } from '../types.ts';

/** Kinds raised per incident rather than per customer: one open alert for each incident. */
const PER_INCIDENT: readonly AlertKind[] = ['INCIDENT', 'SLA_BREACH'];

/**
 * The key that allows at most one open alert per kind and customer (or incident): stored while
 * the alert is not resolved, under a unique index, so a concurrent second raise collides and
 * becomes an escalation instead of a duplicate.
 */
export function alertOpenKey(alert: { kind: AlertKind; customerId: string; incidentId?: string | null }): string {
  if (!PER_INCIDENT.includes(alert.kind)) return `${alert.kind}:${alert.customerId}`;
  if (!alert.incidentId) throw new Error(`A ${alert.kind} alert needs the incident it is about.`);
  return `${alert.kind}:${alert.customerId}:${alert.incidentId}`;
}
