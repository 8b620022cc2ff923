/** How many answers gave one score: what a database returns when it counts answers by score. */
export interface ScoreCount {
  score: number;
  count: number;
}

/**
 * The Net Promoter Score of a set of answers: the percentage of promoters (9–10) minus that of
 * detractors (0–6), from −100 to 100, to one decimal. Null when there is no answer to count.
 */
export function netPromoterScore(scores: readonly number[]): number | null {
  return netPromoterScoreOfCounts(scores.map((score) => ({ score, count: 1 })));
}

/** netPromoterScore of answers counted by score, so a year of answers never travels one by one. */
export function netPromoterScoreOfCounts(counts: readonly ScoreCount[]): number | null {
  let answers = 0;
  let promoters = 0;
  let detractors = 0;
  for (const { score, count } of counts) {
    answers += count;
    if (score >= 9) promoters += count;
    else if (score <= 6) detractors += count;
  }
  if (answers === 0) return null;
  const rounded = Math.round(((promoters - detractors) * 1000) / answers) / 10;
  return rounded === 0 ? 0 : rounded; // never -0 in JSON or a chart label
}
