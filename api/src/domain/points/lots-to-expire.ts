import { compareLotsOldestFirst, type PointsLotBalance } from './plan-spend.ts';

export interface LotExpiry<L extends PointsLotBalance> {
  lot: L;
  /** What remains of the lot: the EXPIRE entry's points. */
  points: number;
}

/**
 * The lots whose points expire by `now` (expiresAt ≤ now) with something left, oldest first.
 * Generic so the caller gets its own lot back, with the purchase the EXPIRE sentence names.
 */
export function lotsToExpire<L extends PointsLotBalance>(lots: readonly L[], now: Date): LotExpiry<L>[] {
  return lots
    .filter((lot) => lot.remaining > 0 && lot.expiresAt !== null && lot.expiresAt <= now)
    .sort(compareLotsOldestFirst)
    .map((lot) => ({ lot, points: lot.remaining }));
}
