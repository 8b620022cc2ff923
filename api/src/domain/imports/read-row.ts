// One data row of an import file, read into the fields of its kind: every problem is reported,
// with its field, so the dry run can name them all at once.
import { Channel, CustomerKind, Direction, InteractionKind, Locale, type ImportKind } from '../types.ts';
import { isEmailAddress } from '../validation/is-email-address.ts';
import { minorUnitDigits } from '../locale/currency-digits.ts';
import { IMPORT_FIELDS } from './import-fields.ts';
import { readNumber } from './read-number.ts';
import { readDate } from './read-date.ts';

export interface RowConventions {
  decimalSeparator: ',' | '.';
  /** The currencies the organization earns points in; the first is the default. */
  currencies: string[];
  now: Date;
  /** How far ahead of `now` a time may be: the clocks of other systems drift. */
  skewMs: number;
}

export interface RowProblem {
  field: string | null;
  message: string;
}

export type RowData = Record<string, string | number | boolean | null>;

const MAX_TEXT = 200;
const MAX_NOTE = 2000;
const MAX_OPENING_POINTS = 10_000_000;
const YES = new Set(['yes', 'y', 'true', '1', 'ja', 'j']);
const NO = new Set(['no', 'n', 'false', '0', 'nej', '']);

/** `values` are the row's cells by field name (mapped columns only). */
export function readRow(
  kind: ImportKind,
  values: Record<string, string>,
  conventions: RowConventions,
): { data: RowData | null; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const problem = (field: string | null, message: string) => problems.push({ field, message });
  const text = (field: string) => (values[field] ?? '').trim();
  for (const field of IMPORT_FIELDS[kind]) {
    if (field.required && text(field.name) === '') problem(field.name, 'Must not be empty.');
  }
  for (const [field, value] of Object.entries(values)) {
    // A NUL byte is never part of a name or an amount: the file is damaged or not text.
    if (value.includes('\u0000')) problem(field, 'Contains a NUL character.');
  }
  const limited = (field: string, max: number): string | null => {
    const value = text(field);
    if (value.length > max) problem(field, `At most ${max} characters.`);
    return value === '' ? null : value;
  };
  const oneOf = <T extends string>(field: string, allowed: readonly T[], fallback: T | null): T | null => {
    const value = text(field)
      .toUpperCase()
      .replace(/[\s-]+/g, '_');
    if (value === '') return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    problem(field, `"${text(field)}" is not one of ${allowed.join(', ')}.`);
    return null;
  };
  const moment = (field: string): string | null => {
    if (text(field) === '') return null;
    const at = readDate(text(field));
    if (!at) problem(field, `"${text(field)}" is not a date (2026-01-03 or 03-01-2026).`);
    else if (at.getTime() > conventions.now.getTime() + conventions.skewMs)
      problem(field, 'Must not be in the future.');
    return at?.toISOString() ?? null;
  };

  let data: RowData;
  switch (kind) {
    case 'CUSTOMERS': {
      const email = limited('email', MAX_TEXT);
      if (email && !isEmailAddress(email)) problem('email', `"${email}" is not an email address.`);
      data = {
        externalId: limited('externalId', MAX_TEXT),
        name: limited('name', MAX_TEXT),
        email,
        phone: limited('phone', MAX_TEXT),
        locale: oneOf('locale', Object.values(Locale), null),
        kind: oneOf('kind', Object.values(CustomerKind), null),
      };
      break;
    }
    case 'PURCHASES': {
      const currency = text('currency').toUpperCase() || conventions.currencies[0];
      if (!conventions.currencies.includes(currency))
        problem('currency', `${currency} is not accepted; use one of ${conventions.currencies.join(', ')}.`);
      const amountMinor =
        text('amount') === ''
          ? null
          : readNumber(text('amount'), conventions.decimalSeparator, minorUnitDigits(currency));
      if (text('amount') !== '' && (amountMinor === null || amountMinor <= 0))
        problem('amount', `"${text('amount')}" is not an amount above 0.`);
      data = {
        customer: limited('customer', MAX_TEXT),
        amountMinor,
        currency,
        occurredAt: moment('occurredAt'),
        externalRef: limited('externalRef', MAX_TEXT),
      };
      break;
    }
    case 'INTERACTIONS': {
      const personal = text('personal').toLowerCase();
      if (!YES.has(personal) && !NO.has(personal)) problem('personal', `"${text('personal')}" is not yes or no.`);
      data = {
        customer: limited('customer', MAX_TEXT),
        channel: oneOf('channel', Object.values(Channel), null),
        direction: oneOf('direction', Object.values(Direction), null),
        kind: oneOf('kind', Object.values(InteractionKind), null),
        personal: YES.has(personal),
        occurredAt: moment('occurredAt'),
        note: limited('note', MAX_NOTE),
      };
      break;
    }
    case 'OPENING_BALANCES': {
      const points = text('points') === '' ? null : readNumber(text('points'), conventions.decimalSeparator, 0);
      if (text('points') !== '' && (points === null || points <= 0 || points > MAX_OPENING_POINTS))
        problem('points', `"${text('points')}" is not a whole number of points from 1 to ${MAX_OPENING_POINTS}.`);
      data = { customer: limited('customer', MAX_TEXT), points, occurredAt: moment('occurredAt') };
      break;
    }
  }
  return problems.length > 0 ? { data: null, problems } : { data, problems };
}
