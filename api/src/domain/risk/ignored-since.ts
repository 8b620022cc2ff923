/** What a customer's time without personal contact is counted from. */
export interface ContactFacts {
  createdAt: Date;
  /** The earliest recorded event (back-dated imports included); null when there is none. */
  firstEventAt: Date | null;
  /** The latest personal interaction (either direction) or incident response; null if never. */
  lastPersonalContactAt: Date | null;
}

/**
 * Since when nobody talked to the customer (PRODUCT.md `IGNORED`): the last personal contact, or,
 * for a customer never contacted, their earliest recorded event or creation, whichever is earlier.
 * The IGNORED risk factor and the IGNORED alert both count from here.
 */
export function ignoredSince(facts: ContactFacts): { since: Date; neverContacted: boolean } {
  if (facts.lastPersonalContactAt !== null) return { since: facts.lastPersonalContactAt, neverContacted: false };
  const since =
    facts.firstEventAt !== null && facts.firstEventAt < facts.createdAt ? facts.firstEventAt : facts.createdAt;
  return { since, neverContacted: true };
}
