/**
 * The employee Net Promoter Score of a set of 0–10 answers: (promoters 9–10 − detractors 0–6) /
 * answers × 100, from −100 to 100; null with no answers.
 */
export function enps(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  const promoters = scores.filter((score) => score >= 9).length;
  const detractors = scores.filter((score) => score <= 6).length;
  return ((promoters - detractors) / scores.length) * 100;
}
