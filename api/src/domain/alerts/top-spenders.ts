/** How many customers make the top 10% of an organization of `customerCount`: always at least one. */
export function topSpendRank(customerCount: number): number {
  return Math.max(1, Math.ceil(customerCount / 10));
}

/**
 * The 12-month spend (minor units, the organization's currency) from which a customer is in the
 * organization's top 10%: the spend of the customer at rank `topSpendRank(customerCount)`. Ties at
 * the threshold are all in. Customers who spent nothing are never top spenders, so with fewer
 * spenders than the rank the threshold is the smallest spend, and null when nobody spent anything.
 * `topSpends` needs only the biggest `topSpendRank(customerCount)` spends, so a caller can ask the
 * database for those instead of every customer's.
 */
export function topSpendThreshold(customerCount: number, topSpends: readonly number[]): number | null {
  const sorted = topSpends.filter((spend) => spend > 0).sort((a, b) => b - a);
  if (sorted.length === 0) return null;
  return sorted[Math.min(topSpendRank(customerCount), sorted.length) - 1];
}

/** Whether a customer's 12-month spend puts them in the top 10% (see topSpendThreshold). */
export function isTopSpender(spend: number, threshold: number | null): boolean {
  return threshold !== null && spend > 0 && spend >= threshold;
}
