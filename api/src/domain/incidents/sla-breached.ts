import type { IncidentStatus } from '../types.ts';
import { isIncidentOpen } from './incident-status.ts';

export interface IncidentSlaFacts {
  status: IncidentStatus;
  slaDueAt: Date;
  resolvedAt: Date | null;
}

/**
 * An open incident past its due time, or one resolved after it. Due is still in time (strictly
 * after breaches), so a background job scheduled for the due time looks one millisecond later.
 */
export function isSlaBreached(incident: IncidentSlaFacts, now: Date): boolean {
  if (isIncidentOpen(incident.status)) return now > incident.slaDueAt;
  return incident.resolvedAt !== null && incident.resolvedAt > incident.slaDueAt;
}
