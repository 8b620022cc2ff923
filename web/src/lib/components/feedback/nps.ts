// NPS per week from NPS answers: % promoters (9–10) minus % detractors (0–6), −100 to 100.
export interface NpsPoint {
  /** Monday 00:00 UTC of the week. */
  week: Date;
  nps: number;
  answers: number;
}

export function weekStart(date: Date): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  day.setUTCDate(day.getUTCDate() - sinceMonday);
  return day;
}

export function npsOf(scores: number[]): number {
  if (scores.length === 0) return 0;
  const promoters = scores.filter((score) => score >= 9).length;
  const detractors = scores.filter((score) => score <= 6).length;
  return Math.round(((promoters - detractors) / scores.length) * 100);
}

export function npsByWeek(answers: { score: number; createdAt: string }[]): NpsPoint[] {
  const weeks = new Map<number, number[]>();
  for (const answer of answers) {
    const key = weekStart(new Date(answer.createdAt)).getTime();
    const scores = weeks.get(key) ?? [];
    scores.push(answer.score);
    weeks.set(key, scores);
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => a - b)
    .map(([key, scores]) => ({ week: new Date(key), nps: npsOf(scores), answers: scores.length }));
}
