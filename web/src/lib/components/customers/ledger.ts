// The points ledger as the customer page shows it: newest first in the order the entries were
// recorded, because each balance is the one after that entry in that order. A back-dated entry
// (an imported purchase from January, recorded in December) says both days, so a balance never
// seems to contradict the date beside it.
import type { PointsEntry } from '$lib/graphql/types';

export interface LedgerLine {
  entry: PointsEntry;
  /** When the entry was written: the order of the ledger and of its balances. */
  recordedAt: string;
  /** The day the movement concerns, when it is another day than the one it was recorded on. */
  concerns: string | null;
}

/** Whether two moments fall on the same calendar day where the reader is. */
export type SameDay = (a: string, b: string) => boolean;

export function ledgerLines(entries: PointsEntry[], sameDay: SameDay): LedgerLine[] {
  return entries.map((entry) => ({
    entry,
    recordedAt: entry.createdAt,
    concerns: sameDay(entry.occurredAt, entry.createdAt) ? null : entry.occurredAt,
  }));
}

/**
 * "In Trofast since": the earliest thing known about the customer, not the day they were imported
 * (a shop importing three years of purchases today has known them for three years).
 */
export function knownSince(createdAt: string, moments: (string | null | undefined)[]): string {
  return moments.reduce<string>(
    (earliest, moment) => (moment && Date.parse(moment) < Date.parse(earliest) ? moment : earliest),
    createdAt,
  );
}
