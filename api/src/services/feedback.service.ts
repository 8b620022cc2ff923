// Listening to customers: answers to surveys and free comments, and the Net Promoter Score they
// add up to. Answers are events: they are stored through recordEvents, one path for one answer
// and for a thousand.
import type { AuthenticatedCaller } from '../auth/caller.ts';
import { ValidationError } from '../domain/errors.ts';
import { netPromoterScore } from '../domain/feedback/nps.ts';
import { npsTrend, type NpsTrendPoint, type TrendBucket } from '../domain/feedback/nps-trend.ts';
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
  const answers = await tenantDb(caller).feedback.findMany({
    where: { survey: { kind: 'NPS' }, score: { not: null }, occurredAt: { gte: range.from, lt: range.to } },
    select: { score: true, occurredAt: true },
  });
  return npsTrend(
    answers.map((answer) => ({ score: answer.score!, occurredAt: answer.occurredAt })),
    range,
  );
}

/** The NPS of every NPS survey's answers of the last `days` days; null without answers. */
export async function npsOverLastDays(caller: AuthenticatedCaller, days: number): Promise<number | null> {
  const since = new Date(runtime().clock.now().getTime() - days * DAY_MS);
  const counts = await tenantDb(caller).feedback.groupBy({
    by: ['score'],
    where: { survey: { kind: 'NPS' }, score: { not: null }, occurredAt: { gt: since } },
    _count: { _all: true },
  });
  return netPromoterScore(counts.flatMap((count) => Array<number>(count._count._all).fill(count.score!)));
}
