/**
 * The 12-month spend (minor units, the organization's currency) from which a customer is in the
 * organization's top 10%: the spend of the customer at rank ceil(10% of customers), so there is
 * always at least one. Ties at the threshold are all in. Customers who spent nothing are never top
 * spenders, so null when nobody spent anything.
 */
export function topSpendThreshold(spends: readonly number[]): number | null {
  const spenders = spends.filter((spend) => spend > 0).length;
  if (spenders === 0) return null;
  const rank = Math.max(1, Math.ceil(spends.length / 10));
  const sorted = [...spends].sort((a, b) => b - a);
  return sorted[Math.min(rank, spenders) - 1];
}

/** Whether a customer's 12-month spend puts them in the top 10% (see topSpendThreshold). */
export function isTopSpender(spend: number, threshold: number | null): boolean {
  return threshold !== null && spend > 0 && spend >= threshold;
}
