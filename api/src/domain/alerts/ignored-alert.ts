import { addDays, daysBetween } from '../time/duration.ts';
import { ignoredSince, type ContactFacts } from '../risk/ignored-since.ts';

/** Days without personal contact from which an IGNORED alert is raised. */
export const IGNORED_ALERT_DAYS = 90;

export interface IgnoredAlert {
  /** What the alert says once the customer has crossed 90 days; null before. */
  due: { days: number; since: string; neverContacted: boolean } | null;
  /** The 90-day crossing while it is still ahead (recompute then to raise it); null once passed. */
  nextChangeAt: Date | null;
}

/**
 * Whether a customer has crossed 90 days without personal contact. Counted from the same moment as
 * the IGNORED risk factor (ignoredSince) but not read from the factor: an organization may weigh
 * the factor 0, or the same at 45 and 90 days, and the alert must come all the same.
 */
export function ignoredAlert(facts: ContactFacts, now: Date): IgnoredAlert {
  const { since, neverContacted } = ignoredSince(facts);
  const crossesAt = addDays(since, IGNORED_ALERT_DAYS);
  if (now < crossesAt) return { due: null, nextChangeAt: crossesAt };
  return { due: { days: daysBetween(since, now), since: since.toISOString(), neverContacted }, nextChangeAt: null };
}
