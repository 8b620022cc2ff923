import type { OrganizationSettings } from '../settings.ts';
import type { IncidentSeverity } from '../types.ts';
import { addHours } from '../time/duration.ts';

/**
 * When an incident must be resolved: opened + the organization's SLA hours for its severity.
 * A change of severity moves the due time, always counted from the opening.
 */
export function slaDueAt(openedAt: Date, severity: IncidentSeverity, slaHours: OrganizationSettings['slaHours']): Date {
  return addHours(openedAt, slaHours[severity]);
}
