import type { Locale } from '../types.ts';
import { minorUnitDigits } from './currency-digits.ts';

/** Fixed tags: the same sentence on every machine, whatever its default locale. */
export const LOCALE_TAGS: Record<Locale, string> = { DA: 'da-DK', SV: 'sv-SE', NB: 'nb-NO', EN: 'en-GB' };

/** A stored ISO 8601 string (what params hold) or a Date. */
export type DateInput = Date | string;

/** A word's forms for a count of one and for any other count. */
export interface PluralForms {
  one: string;
  other: string;
}

export interface LocaleFormat {
  readonly locale: Locale;
  /** 1,200 · 1.200 · 1 200 */
  number(value: number): string;
  /** +50 · -1,500 (Swedish and Norwegian use the minus sign U+2212, as Intl does) */
  signed(value: number): string;
  /** A whole percentage: en "60%", da/sv/nb "60 %" */
  percent(value: number): string;
  /** From integer minor units: en "1,200.00 DKK", da "1.200,00 kr.", sv "1 200,00 kr" (SEK) */
  money(amountMinor: number, currency: string): string;
  /** Whole units without decimals, for rates: en "10 DKK", da "10 kr." */
  wholeMoney(units: number, currency: string): string;
  /** en "3 Jan 2026", da "3. jan. 2026", sv "3 jan. 2026", nb "3. jan. 2026" */
  date(value: DateInput): string;
  /** en "3 Jan", da "3. jan.": for events inside a short window, where the year is obvious */
  dayMonth(value: DateInput): string;
  /**
   * en "3 Jan 2026, 14:05 UTC": the time every rule is measured in. In a reader's zone (see
   * `formatterFor`) "3 Jan 2026, 15:05", as the dashboard writes a time beside it.
   */
  dateTime(value: DateInput): string;
  /** "a, b and c" in the locale's words */
  list(items: string[]): string;
  /** The form of a word for a count: plural(2, { one: 'point', other: 'points' }) → 'points' */
  plural(count: number, forms: PluralForms): string;
  /** Quoted in the locale's marks: “…” · »…« · ”…” · «…» */
  quote(text: string): string;
}

const QUOTES: Record<Locale, [string, string]> = {
  EN: ['“', '”'],
  DA: ['»', '«'],
  SV: ['”', '”'],
  NB: ['«', '»'],
};

// Intl separates groups and units with no-break spaces (U+00A0, U+202F), and which one has changed
// between ICU versions. Plain spaces keep stored and compared sentences stable, and match the spec.
const plainSpaces = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

const toDate = (value: DateInput): Date => {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: ${String(value)}`);
  return date;
};

const finite = (value: number): number => {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new RangeError(`Not a number: ${String(value)}`);
  return value;
};

function createFormat(locale: Locale, timeZone: string): LocaleFormat {
  const tag = LOCALE_TAGS[locale];
  const numbers = new Intl.NumberFormat(tag);
  const signedNumbers = new Intl.NumberFormat(tag, { signDisplay: 'exceptZero' });
  const dates = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric', timeZone });
  const dayMonths = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', timeZone });
  const dateTimes = new Intl.DateTimeFormat(tag, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
  // UTC is named; a reader's own zone is not, as on the rest of the dashboard's page.
  const zoneSuffix = timeZone === 'UTC' ? ' UTC' : '';
  const percents = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  const lists = new Intl.ListFormat(tag, { type: 'conjunction' });
  const plurals = new Intl.PluralRules(tag);
  const moneyFormats = new Map<string, Intl.NumberFormat | null>();

  const moneyFormat = (currency: string, digits: number): Intl.NumberFormat | null => {
    const key = `${currency}/${digits}`;
    if (!moneyFormats.has(key)) {
      try {
        // English readers get the ISO code after the amount ("1,200.00 DKK"), as the spec writes it;
        // en-GB's own "DKK 1,200.00" reads oddly in a sentence.
        const options: Intl.NumberFormatOptions =
          locale === 'EN'
            ? { minimumFractionDigits: digits, maximumFractionDigits: digits }
            : { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits };
        moneyFormats.set(key, new Intl.NumberFormat(tag, options));
      } catch {
        moneyFormats.set(key, null);
      }
    }
    return moneyFormats.get(key) ?? null;
  };

  const formatMoney = (amount: number, currency: string, digits: number): string => {
    const code = currency.toUpperCase();
    const format = moneyFormat(code, digits);
    // A code Intl refuses still shows the amount with the code as written, never an error.
    if (format === null) return plainSpaces(`${numbers.format(amount)} ${code}`);
    return plainSpaces(locale === 'EN' ? `${format.format(amount)} ${code}` : format.format(amount));
  };

  return {
    locale,
    number: (value) => plainSpaces(numbers.format(finite(value))),
    signed: (value) => plainSpaces(signedNumbers.format(finite(value))),
    percent: (value) => plainSpaces(percents.format(finite(value) / 100)),
    money: (amountMinor, currency) => {
      const digits = minorUnitDigits(currency);
      return formatMoney(finite(amountMinor) / 10 ** digits, currency, digits);
    },
    wholeMoney: (units, currency) => formatMoney(finite(units), currency, 0),
    date: (value) => dates.format(toDate(value)),
    dayMonth: (value) => dayMonths.format(toDate(value)),
    dateTime: (value) => `${plainSpaces(dateTimes.format(toDate(value)))}${zoneSuffix}`,
    list: (items) => lists.format(items),
    plural: (count, forms) => (plurals.select(count) === 'one' ? forms.one : forms.other),
    quote: (text) => `${QUOTES[locale][0]}${text}${QUOTES[locale][1]}`,
  };
}

const formats = new Map<string, LocaleFormat>();

/**
 * The formatting of one locale, dates and times in `timeZone` (an IANA name the caller checked;
 * UTC when left out). Built once per locale and zone: Intl formatters are costly to create.
 */
export function formatterFor(locale: Locale, timeZone = 'UTC'): LocaleFormat {
  const known = LOCALE_TAGS[locale] === undefined ? 'EN' : locale;
  const key = `${known}/${timeZone}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = createFormat(known, timeZone);
    formats.set(key, format);
  }
  return format;
}
