// The API's NPS buckets (`npsTrend`) as chart points. A bucket without answers has no NPS: the
// line leaves a gap there rather than inventing a value.
import type { NpsBucket } from '$lib/graphql/types';

export interface NpsPoint {
  /** The bucket's first moment (Monday 00:00 UTC of a week, the 1st of a month). */
  start: Date;
  label: string;
  /** −100 to 100, whole numbers; null without answers. */
  nps: number | null;
  answers: number;
}

export function npsPoints(buckets: NpsBucket[]): NpsPoint[] {
  return buckets.map((bucket) => ({
    start: new Date(bucket.start),
    label: bucket.label,
    nps: bucket.nps === null ? null : Math.round(bucket.nps),
    answers: bucket.answers,
  }));
}

/** Whether any bucket has answers: without one there is nothing to draw. */
export const hasAnswers = (points: NpsPoint[]) => points.some((point) => point.nps !== null);

/** The newest bucket with answers: what the Feedback page leads with. Null when there is none. */
export const currentNps = (points: NpsPoint[]): NpsPoint | null =>
  [...points].reverse().find((point) => point.nps !== null) ?? null;
