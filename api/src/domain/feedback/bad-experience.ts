import type { SurveyKind } from '../types.ts';

/**
 * Whether a survey answer is a bad experience: NPS 0–6 or CSAT 1–2. A poll answer never is, and
 * every reported incident is one regardless of this function.
 */
export function isBadExperience(kind: SurveyKind, score: number | null | undefined): boolean {
  if (score === null || score === undefined) return false;
  if (kind === 'NPS') return score >= 0 && score <= 6;
  if (kind === 'CSAT') return score >= 1 && score <= 2;
  return false;
}
