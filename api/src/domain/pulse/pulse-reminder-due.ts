/**
 * Whether a round's one reminder is due: from half-way through the round, while it is open. Half
 * of the round rather than a fixed number of days, so it fits any round length the organization
 * sets: early enough to answer, late enough that most have.
 */
export function pulseReminderDue(round: { opensAt: Date; closesAt: Date }, now: Date): boolean {
  const halfWay = (round.opensAt.getTime() + round.closesAt.getTime()) / 2;
  return now.getTime() >= halfWay && now < round.closesAt;
}
