// Listening to customers: answers to surveys and free comments, and the Net Promoter Score they
// add up to. Answers are events: they are stored through recordEvents, one path for one answer
// and for a thousand.
import type { AuthenticatedCaller } from '../auth/caller.ts';
import { ValidationError } from '../domain/errors.ts';
import { netPromoterScoreOfCounts } from '../domain/feedback/nps.ts';
import { npsTrend, type BucketScoreCount, type NpsTrendPoint, type TrendBucket } from '../domain/feedback/nps-trend.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { DAY_MS } from '../domain/time/duration.ts';
import { runtime, tenantDb } from '../runtime.ts';
import { recordEvent } from './events.service.ts';
import type { SubmitFeedbackInput } from './feedback-events.service.ts';

/** Stores one answer (its participation points and bad experience with it); returns its id. */
export function submitFeedback(caller: AuthenticatedCaller, input: SubmitFeedbackInput): Promise<string> {
  return recordEvent(caller, { feedback: input });
}

/** A chart of weeks over ten years is the most a dashboard asks for. */
const MAX_TREND_DAYS = 3660;

/** NPS per week or month of every NPS survey's answers with from ≤ occurredAt < to. */
export async function npsTrendOf(
  caller: AuthenticatedCaller,
  range: { from: Date; to: Date; bucket: TrendBucket },
): Promise<NpsTrendPoint[]> {
  if (range.to <= range.from) throw ValidationError.at(['to'], '`to` must be after `from`.');
  if (range.to.getTime() - range.from.getTime() > MAX_TREND_DAYS * DAY_MS)
    throw ValidationError.at(['to'], `A trend covers at most ${MAX_TREND_DAYS} days.`);
  // Counted in the database by bucket and score (ISO weeks start on Monday in date_trunc too):
  // a few hundred rows for years of answers, and the rule of who promotes stays in the domain.
  const counts = await tenantDb(caller).$queryRaw<BucketScoreCount[]>(Prisma.sql`
    SELECT date_trunc(${range.bucket === 'MONTH' ? 'month' : 'week'}, f."occurredAt") AS start, f.score,
      count(*)::int AS count
    FROM "Feedback" f JOIN "Survey" s ON s.id = f."surveyId" AND s."organizationId" = f."organizationId"
    WHERE f."organizationId" = ${caller.organizationId} AND s.kind = 'NPS' AND f.score IS NOT NULL
      AND f."occurredAt" >= ${range.from} AND f."occurredAt" < ${range.to}
    GROUP BY 1, 2`);
  return npsTrend(counts, range);
}

/** The NPS of every NPS survey's answers of the last `days` days; null without answers. */
export async function npsOverLastDays(caller: AuthenticatedCaller, days: number): Promise<number | null> {
  const since = new Date(runtime().clock.now().getTime() - days * DAY_MS);
  const counts = await tenantDb(caller).feedback.groupBy({
    by: ['score'],
    where: { survey: { kind: 'NPS' }, score: { not: null }, occurredAt: { gt: since } },
    _count: { _all: true },
  });
  return netPromoterScoreOfCounts(counts.map((count) => ({ score: count.score!, count: count._count._all })));
}
