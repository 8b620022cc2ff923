// What every input of the API may hold, by the name of its field: a length for text, a range for
// numbers and dates. Checked before anything else looks at a value (a pattern, the database), so a
// hostile value is a ValidationError with its path and costs nothing.

export interface TextLimit {
  maxLength: number;
  /** Line breaks and tabs are allowed (notes, comments); other control characters never are. */
  multiline?: boolean;
}

/** Names, titles, ids, keys, cursors, search terms: anything not listed below. */
export const DEFAULT_TEXT_LIMIT: TextLimit = { maxLength: 200 };

const LONG_TEXT: TextLimit = { maxLength: 4000, multiline: true };

export const TEXT_LIMITS: Record<string, TextLimit> = {
  email: { maxLength: 254 },
  phone: { maxLength: 50 },
  password: { maxLength: 200 },
  question: { maxLength: 1000 },
  note: LONG_TEXT,
  comment: LONG_TEXT,
  description: LONG_TEXT,
  resolution: LONG_TEXT,
  reason: LONG_TEXT,
};

/** Money in minor units: a hundred million in major units, far above any purchase, far below what points and sums can hold. */
export const MAX_MONEY_MINOR = 10_000_000_000;

/** Points moved, costs and stock: a GraphQL Int fits the column, but sums of them must too. */
export const MAX_COUNT = 100_000_000;

/** Dates of events and filters, back-dated imports included. */
export const EARLIEST_DATE = new Date('1970-01-01T00:00:00Z');
export const LATEST_DATE = new Date('2100-01-01T00:00:00Z');

// C0 controls and DEL; tab, line feed and carriage return are told apart below.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LINE_BREAK = /[\t\n\r]/;
// In a `u` pattern a well-formed pair reads as one code point: only a lone half matches.
const LONE_SURROGATE = /\p{Cs}/u;

export function textLimit(field: string): TextLimit {
  return TEXT_LIMITS[field] ?? DEFAULT_TEXT_LIMIT;
}

/** What is wrong with a text value, or null. The length is checked first: nothing scans a long value. */
export function textProblem(value: string, limit: TextLimit): string | null {
  if (value.length > limit.maxLength) return `At most ${limit.maxLength} characters (this has ${value.length}).`;
  if (CONTROL.test(value) || (!limit.multiline && LINE_BREAK.test(value)))
    return 'Must not contain control characters (such as NUL or a line break).';
  if (LONE_SURROGATE.test(value)) return 'Must be valid Unicode text.';
  return null;
}

export function integerProblem(value: number, max: number): string | null {
  return Math.abs(value) > max ? `Must be between −${max} and ${max}.` : null;
}

export function dateProblem(value: Date): string | null {
  if (Number.isNaN(value.getTime())) return 'Must be a date.';
  return value < EARLIEST_DATE || value >= LATEST_DATE ? 'Must be between 1970 and 2099.' : null;
}
