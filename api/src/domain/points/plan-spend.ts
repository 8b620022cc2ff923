export interface PointsLotBalance {
  id: string;
  remaining: number;
  /** Null: these points never expire. */
  expiresAt: Date | null;
  earnedAt: Date;
}

export interface SpendPlan {
  /** Which lots give how many points, in the order taken. */
  takes: { lotId: string; points: number }[];
  /** Points the unexpired lots could not cover (0 when the plan covers the amount). */
  shortfall: number;
}

/** Oldest first: the soonest to expire, then the earliest earned; points that never expire last. */
export function compareLotsOldestFirst(a: PointsLotBalance, b: PointsLotBalance): number {
  const expiry = (lot: PointsLotBalance) => lot.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
  return expiry(a) - expiry(b) || a.earnedAt.getTime() - b.earnedAt.getTime() || a.id.localeCompare(b.id);
}

/**
 * Which lots a spending of `points` takes from: the oldest unexpired points first, so what is
 * spent is what would otherwise expire soonest. A lot expires at its expiresAt (inclusive).
 */
export function planSpend(lots: readonly PointsLotBalance[], points: number, now: Date): SpendPlan {
  const usable = lots
    .filter((lot) => lot.remaining > 0 && (lot.expiresAt === null || lot.expiresAt > now))
    .sort(compareLotsOldestFirst);
  const takes: SpendPlan['takes'] = [];
  let left = Math.max(0, points);
  for (const lot of usable) {
    if (left === 0) break;
    const taken = Math.min(lot.remaining, left);
    takes.push({ lotId: lot.id, points: taken });
    left -= taken;
  }
  return { takes, shortfall: left };
}
