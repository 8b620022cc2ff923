/** A score from points: their sum, capped at 0 and 100 (the scale every score is shown on). */
export function cappedScore(items: readonly { points: number }[]): number {
  return Math.min(
    100,
    Math.max(
      0,
      items.reduce((sum, item) => sum + item.points, 0),
    ),
  );
}
