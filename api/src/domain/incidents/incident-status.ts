import type { IncidentStatus } from '../types.ts';

export const OPEN_INCIDENT_STATUSES: readonly IncidentStatus[] = ['OPEN', 'IN_PROGRESS'];

/** Open means someone still has to act: OPEN or IN_PROGRESS. */
export function isIncidentOpen(status: IncidentStatus): boolean {
  return OPEN_INCIDENT_STATUSES.includes(status);
}
