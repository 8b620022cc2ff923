import type { IncidentStatus } from '../types.ts';

// OPEN → IN_PROGRESS → RESOLVED → CLOSED, with a shortcut OPEN → RESOLVED. A resolved incident can
// be reopened (to OPEN or IN_PROGRESS) when the fix did not hold; CLOSED is final, so a closed
// incident's history (and its SLA verdict) never changes. IN_PROGRESS does not go back to OPEN:
// once someone works on it, it stays theirs until resolved.
const NEXT: Record<IncidentStatus, readonly IncidentStatus[]> = {
  OPEN: ['IN_PROGRESS', 'RESOLVED'],
  IN_PROGRESS: ['RESOLVED'],
  RESOLVED: ['CLOSED', 'OPEN', 'IN_PROGRESS'],
  CLOSED: [],
};

export type StatusTransition =
  { ok: true; changed: boolean; reopens: boolean } | { ok: false; allowed: IncidentStatus[]; message: string };

/**
 * Whether an incident may move from one status to another. Staying put is allowed and changes
 * nothing. `reopens`: the service clears resolvedAt; the due time stays, so an incident reopened
 * after its due time is breached again.
 */
export function checkStatusTransition(from: IncidentStatus, to: IncidentStatus): StatusTransition {
  if (from === to) return { ok: true, changed: false, reopens: false };
  const allowed = [...NEXT[from]];
  if (allowed.includes(to)) return { ok: true, changed: true, reopens: from === 'RESOLVED' && to !== 'CLOSED' };
  const message =
    allowed.length === 0
      ? `An incident that is ${from} cannot change status: ${from} is final.`
      : `An incident that is ${from} can move to ${allowed.join(' or ')}, not to ${to}.`;
  return { ok: false, allowed, message };
}
