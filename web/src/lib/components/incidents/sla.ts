// An incident's SLA as the queue shows it.
import type { Incident } from '$lib/graphql/types';

export type SlaState =
  { kind: 'done' } | { kind: 'due'; remainingMs: number } | { kind: 'breached'; overdueMs: number };

export const isOpenIncident = (incident: Pick<Incident, 'status'>) =>
  incident.status === 'OPEN' || incident.status === 'IN_PROGRESS';

export function slaState(incident: Pick<Incident, 'status' | 'slaDueAt' | 'slaBreached'>, now: number): SlaState {
  if (!isOpenIncident(incident)) return { kind: 'done' };
  const remaining = Date.parse(incident.slaDueAt) - now;
  if (incident.slaBreached || remaining <= 0) return { kind: 'breached', overdueMs: Math.max(0, -remaining) };
  return { kind: 'due', remainingMs: remaining };
}

/** Open incidents first, the one whose SLA ends soonest on top; then the rest, newest first. */
export function byUrgency(a: Incident, b: Incident): number {
  const openA = isOpenIncident(a);
  const openB = isOpenIncident(b);
  if (openA !== openB) return openA ? -1 : 1;
  if (openA) return Date.parse(a.slaDueAt) - Date.parse(b.slaDueAt);
  return Date.parse(b.openedAt) - Date.parse(a.openedAt);
}
