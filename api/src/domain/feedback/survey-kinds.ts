import type { SurveyKind } from '../types.ts';

/** The whole-number scores each scored survey kind accepts. */
export const SCORE_RANGES: Record<Exclude<SurveyKind, 'POLL'>, { min: number; max: number }> = {
  NPS: { min: 0, max: 10 },
  CSAT: { min: 1, max: 5 },
};

/** "An NPS", "A CSAT", "A poll": the kind as said aloud, to open a sentence. */
export function surveyKindWithArticle(kind: SurveyKind): string {
  if (kind === 'POLL') return 'A poll';
  return `${kind === 'NPS' ? 'An' : 'A'} ${kind}`;
}
