// Dates, numbers and money in the dashboard's language. A moment is shown in the reader's time
// zone; a calendar day of the API's (an NPS bucket) is a UTC day, so it is shown in UTC.
import { INTL_TAG, type Lang } from './language';

/** The API's days, and what the server renders before the browser says where the reader is. */
export const API_TIME_ZONE = 'UTC';
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n:${lang}:${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.NumberFormat(INTL_TAG[lang], options)));
  return format;
}

function dateFormat(lang: Lang, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d:${lang}:${timeZone}:${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(INTL_TAG[lang], { timeZone, ...options })));
  return format;
}

const toDate = (value: string | Date): Date => (typeof value === 'string' ? new Date(value) : value);

/** "3 Jan 2026" · "3. jan. 2026" */
export function formatDate(value: string | Date, lang: Lang, timeZone = API_TIME_ZONE): string {
  return dateFormat(lang, timeZone, { day: 'numeric', month: 'short', year: 'numeric' }).format(toDate(value));
}

/** "3 Jan" · "3. jan.": chart axes, where the year is plain from context. */
export function formatDayMonth(value: string | Date, lang: Lang, timeZone = API_TIME_ZONE): string {
  return dateFormat(lang, timeZone, { day: 'numeric', month: 'short' }).format(toDate(value));
}

/** "3 Jan 2026, 14:05" · "3. jan. 2026, 14.05" */
export function formatDateTime(value: string | Date, lang: Lang, timeZone = API_TIME_ZONE): string {
  return dateFormat(lang, timeZone, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(toDate(value));
}

/** "1,200" · "1.200" */
export function formatNumber(value: number, lang: Lang, fractionDigits = 0): string {
  return numberFormat(lang, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(
    value,
  );
}

/**
 * Money is integer minor units: 120000 DKK → "1,200.00 DKK" · "1.200,00 kr.". English puts the ISO
 * code after the amount, as the API's sentences do, so a page never shows both orders.
 */
export function formatMoney(amountMinor: number, currency: string, lang: Lang): string {
  const format = numberFormat(lang, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  const amount = amountMinor / 10 ** digits;
  // A no-break space, as Intl puts in the other languages: the code never goes to a line of its own.
  return lang === 'en' ? `${formatNumber(amount, lang, digits)}\u00a0${currency.toUpperCase()}` : format.format(amount);
}

/** 0.423 → "42%" · "42 %" */
export function formatPercent(share: number, lang: Lang): string {
  return numberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A duration as hours and minutes, for SLA countdowns: 7_500_000 ms → "2:05". Days above 48 h. */
/** Units spelled out, so "1 h 13 min" is never read as a minute and thirteen seconds. */
const UNITS: Record<Lang, { day: string; hour: string; minute: string }> = {
  en: { day: 'd', hour: 'h', minute: 'min' },
  da: { day: 'd.', hour: 't.', minute: 'min.' },
  sv: { day: 'd', hour: 'tim', minute: 'min' },
  nb: { day: 'd', hour: 't', minute: 'min' },
};

export function formatDuration(milliseconds: number, lang: Lang): string {
  const minutes = Math.floor(Math.abs(milliseconds) / 60_000);
  const hours = Math.floor(minutes / 60);
  const unit = UNITS[lang];
  if (hours >= 48) return `${formatNumber(Math.floor(hours / 24), lang)} ${unit.day} ${hours % 24} ${unit.hour}`;
  if (hours >= 1) return `${hours} ${unit.hour} ${minutes % 60} ${unit.minute}`;
  return `${minutes} ${unit.minute}`;
}
