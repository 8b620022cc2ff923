/**
 * A date or moment as a spreadsheet writes it: ISO 8601 ("2026-01-03", "2026-01-03T10:00:00Z") or
 * day first as Danish, Swedish and Norwegian sheets do ("03-01-2026", "3.1.2026", "03/01/2026").
 * A bare date is taken at noon UTC, so that it is the same calendar day in every European zone.
 * Null when it is none of these or no such day exists.
 */
export function readDate(text: string): Date | null {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) return calendarDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dayFirst = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/.exec(value);
  if (dayFirst) return calendarDay(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    const moment = new Date(value);
    return Number.isNaN(moment.getTime()) ? null : moment;
  }
  return null;
}

function calendarDay(year: number, month: number, day: number): Date | null {
  const date = new Date(Date.UTC(year, month - 1, day, 12));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}
