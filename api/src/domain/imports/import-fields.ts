// The fields each kind of import fills, and the header names (English and Danish, as shops'
// spreadsheets and their previous systems write them) that fill each one automatically.
import type { ImportKind } from '../types.ts';

export interface ImportField {
  name: string;
  required: boolean;
  /** Header names that mean this field, compared without case, spaces or punctuation. */
  headers: string[];
}

const CUSTOMER = [
  'customer',
  'customer id',
  'customer number',
  'external id',
  'kunde',
  'kundenummer',
  'kunde nr',
  'kunde id',
];
const OCCURRED_AT = ['date', 'occurred at', 'dato', 'tidspunkt', 'time'];

export const IMPORT_FIELDS: Record<ImportKind, ImportField[]> = {
  CUSTOMERS: [
    {
      name: 'externalId',
      required: true,
      headers: ['external id', 'id', 'customer id', 'customer number', 'kundenummer', 'kunde nr', 'kunde id'],
    },
    { name: 'name', required: true, headers: ['name', 'full name', 'navn', 'fulde navn'] },
    { name: 'email', required: false, headers: ['email', 'email address', 'mail', 'e-mailadresse'] },
    { name: 'phone', required: false, headers: ['phone', 'mobile', 'telefon', 'telefonnummer', 'mobil', 'tlf'] },
    { name: 'locale', required: false, headers: ['locale', 'language', 'sprog'] },
    { name: 'kind', required: false, headers: ['kind', 'type', 'kundetype'] },
  ],
  PURCHASES: [
    { name: 'customer', required: true, headers: CUSTOMER },
    { name: 'amount', required: true, headers: ['amount', 'total', 'beløb', 'belob', 'sum', 'total beløb'] },
    { name: 'currency', required: false, headers: ['currency', 'valuta'] },
    { name: 'occurredAt', required: false, headers: [...OCCURRED_AT, 'purchased at', 'købsdato'] },
    {
      name: 'externalRef',
      required: false,
      headers: ['external ref', 'reference', 'order', 'order id', 'ordre', 'ordrenummer', 'ordre nr', 'bilag'],
    },
  ],
  INTERACTIONS: [
    { name: 'customer', required: true, headers: CUSTOMER },
    { name: 'channel', required: true, headers: ['channel', 'kanal'] },
    { name: 'direction', required: true, headers: ['direction', 'retning'] },
    { name: 'kind', required: true, headers: ['kind', 'type', 'art'] },
    { name: 'personal', required: false, headers: ['personal', 'personlig'] },
    { name: 'occurredAt', required: false, headers: OCCURRED_AT },
    { name: 'note', required: false, headers: ['note', 'notat', 'bemærkning'] },
  ],
  OPENING_BALANCES: [
    { name: 'customer', required: true, headers: CUSTOMER },
    {
      name: 'points',
      required: true,
      headers: ['points', 'point', 'balance', 'points balance', 'saldo', 'pointsaldo', 'point saldo'],
    },
    { name: 'occurredAt', required: false, headers: [...OCCURRED_AT, 'as of', 'per'] },
  ],
};

/** "E-mail", "e_mail " and "EMAIL" are the same header. */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}
