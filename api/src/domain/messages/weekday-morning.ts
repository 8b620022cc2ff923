// Relational NPS invitations go out on weekday mornings in the organization's time zone, spread
// evenly: each customer gets a fixed place (`spread`, 0 ≤ spread < 1) in the morning window, so a
// thousand customers due on one day do not all arrive at 08:00.
import { DAY_MS } from '../time/duration.ts';

export const MORNING_START_HOUR = 8;
export const MORNING_HOURS = 3;

// Making a formatter costs far more than using one: a pass over 10 000 customers reuses it.
const formatters = new Map<string, Intl.DateTimeFormat>();

function localParts(at: Date, timeZone: string) {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(at);
  const get = (type: string) => parts.find((part) => part.type === type)!.value;
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    minutesOfDay: Number(get('hour')) * 60 + Number(get('minute')),
    weekend: get('weekday') === 'Sat' || get('weekday') === 'Sun',
  };
}

/** The instant a local wall-clock time in `timeZone` names (the offset found by one correction). */
function zonedInstant(year: number, month: number, day: number, minutes: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day) + minutes * 60_000;
  const seen = localParts(new Date(guess), timeZone);
  const seenAsUtc = Date.UTC(seen.year, seen.month - 1, seen.day) + seen.minutesOfDay * 60_000;
  return new Date(guess - (seenAsUtc - guess));
}

/** The first weekday-morning slot of `spread` at or after `from`, in `timeZone`. */
export function weekdayMorning(from: Date, spread: number, timeZone: string): Date {
  const minutes = MORNING_START_HOUR * 60 + Math.floor(spread * MORNING_HOURS * 60);
  for (let day = 0; ; day++) {
    const local = localParts(new Date(from.getTime() + day * DAY_MS), timeZone);
    if (local.weekend) continue;
    const slot = zonedInstant(local.year, local.month, local.day, minutes, timeZone);
    if (slot >= from) return slot;
  }
}
