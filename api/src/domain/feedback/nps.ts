/**
 * The Net Promoter Score of a set of answers: the percentage of promoters (9–10) minus that of
 * detractors (0–6), from −100 to 100, to one decimal. Null when there is no answer to count.
 */
export function netPromoterScore(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  const promoters = scores.filter((score) => score >= 9).length;
  const detractors = scores.filter((score) => score <= 6).length;
  const rounded = Math.round(((promoters - detractors) * 1000) / scores.length) / 10;
  return rounded === 0 ? 0 : rounded; // never -0 in JSON or a chart label
}
