import { DAY_MS } from '../time/duration.ts';
import { addMonthsUtc } from '../time/add-months.ts';
import { netPromoterScoreOfCounts, type ScoreCount } from './nps.ts';

export type TrendBucket = 'WEEK' | 'MONTH';

export interface NpsTrendPoint {
  /** Inclusive start: a Monday 00:00 UTC (ISO week) or the 1st of a month 00:00 UTC. */
  start: Date;
  /** Exclusive end: the next bucket's start. */
  end: Date;
  /** "2026-W01" (ISO week-year and week) or "2026-01". */
  label: string;
  answers: number;
  nps: number | null;
}

/** The start of the bucket holding `at`, in UTC: ISO weeks start on Monday. */
export function bucketStart(at: Date, bucket: TrendBucket): Date {
  if (bucket === 'MONTH') return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
  const midnight = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  const daysSinceMonday = (new Date(midnight).getUTCDay() + 6) % 7;
  return new Date(midnight - daysSinceMonday * DAY_MS);
}

function nextBucket(start: Date, bucket: TrendBucket): Date {
  return bucket === 'MONTH' ? addMonthsUtc(start, 1) : new Date(start.getTime() + 7 * DAY_MS);
}

function label(start: Date, bucket: TrendBucket): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  if (bucket === 'MONTH') return `${start.getUTCFullYear()}-${pad(start.getUTCMonth() + 1)}`;
  // The ISO week-year is the year of the week's Thursday; week 1 holds 4 January.
  const year = new Date(start.getTime() + 3 * DAY_MS).getUTCFullYear();
  const firstMonday = bucketStart(new Date(Date.UTC(year, 0, 4)), 'WEEK');
  const week = 1 + Math.round((start.getTime() - firstMonday.getTime()) / (7 * DAY_MS));
  return `${year}-W${pad(week)}`;
}

/** How many answers gave `score` in the bucket starting at `start` (see bucketStart). */
export interface BucketScoreCount extends ScoreCount {
  start: Date;
}

/**
 * NPS per week or month from answers with `from` ≤ occurredAt < `to`, counted by bucket and score,
 * every bucket from the one holding `from` up to `to` present (an empty one has 0 answers and a
 * null NPS), so a chart has no gaps to guess about.
 */
export function npsTrend(
  counts: readonly BucketScoreCount[],
  range: { from: Date; to: Date; bucket: TrendBucket },
): NpsTrendPoint[] {
  const points: NpsTrendPoint[] = [];
  const byBucket = new Map<number, ScoreCount[]>();
  for (const count of counts) {
    const key = count.start.getTime();
    const bucketCounts = byBucket.get(key);
    if (bucketCounts) bucketCounts.push(count);
    else byBucket.set(key, [count]);
  }
  for (let start = bucketStart(range.from, range.bucket); start < range.to;) {
    const end = nextBucket(start, range.bucket);
    const bucketCounts = byBucket.get(start.getTime()) ?? [];
    points.push({
      start,
      end,
      label: label(start, range.bucket),
      answers: bucketCounts.reduce((sum, { count }) => sum + count, 0),
      nps: netPromoterScoreOfCounts(bucketCounts),
    });
    start = end;
  }
  return points;
}
