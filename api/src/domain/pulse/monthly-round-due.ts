/**
 * Whether the monthly round should open now: when no round has opened in this calendar month
 * (UTC) and none is open. A round opened by hand counts for its month.
 */
export function monthlyRoundDue(latestOpensAt: Date | null, anyOpen: boolean, now: Date): boolean {
  if (anyOpen) return false;
  if (latestOpensAt === null) return true;
  return (
    latestOpensAt.getUTCFullYear() * 12 + latestOpensAt.getUTCMonth() < now.getUTCFullYear() * 12 + now.getUTCMonth()
  );
}
