import type { IncidentSeverity, IncidentStatus } from '../types.ts';
import { isIncidentOpen } from './incident-status.ts';

export interface IncidentUrgencyFacts {
  id: string;
  status: IncidentStatus;
  severity: IncidentSeverity;
  slaDueAt: Date;
  openedAt: Date;
}

const SEVERITY_RANK: Record<IncidentSeverity, number> = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3 };

/**
 * The sort key of "most urgent first", ascending: open incidents before resolved and closed ones,
 * then the earliest due (so breached incidents lead, longest overdue first), then the more severe,
 * then the longest open. In SQL: ORDER BY status IN ('OPEN','IN_PROGRESS') DESC, "slaDueAt",
 * severity rank, "openedAt", id.
 */
export function incidentUrgencyKey(incident: IncidentUrgencyFacts): [number, number, number, number, string] {
  return [
    isIncidentOpen(incident.status) ? 0 : 1,
    incident.slaDueAt.getTime(),
    SEVERITY_RANK[incident.severity],
    incident.openedAt.getTime(),
    incident.id,
  ];
}

/** Array.sort comparator for "most urgent first". */
export function compareIncidentUrgency(a: IncidentUrgencyFacts, b: IncidentUrgencyFacts): number {
  const left = incidentUrgencyKey(a);
  const right = incidentUrgencyKey(b);
  for (let index = 0; index < left.length; index += 1) {
    if (left[index] < right[index]) return -1;
    if (left[index] > right[index]) return 1;
  }
  return 0;
}
