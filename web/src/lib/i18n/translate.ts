// Looks a message up by its dotted key and fills in `{name}` parameters; plural messages pick
// their form with Intl.PluralRules for `count`.
import { en, type Messages } from './messages/en';
import { da } from './messages/da';
import { sv } from './messages/sv';
import { nb } from './messages/nb';
import { INTL_TAG, type Lang } from './language';

export type Plural = { one: string; other: string };
type Leaf = string | Plural;

/** Every dotted path to a message: 'board.title', 'enums.AlertKind.CHURN_RISK', … */
export type MessageKey<T = Messages> = {
  [K in keyof T & string]: T[K] extends Leaf ? K : `${K}.${MessageKey<T[K]>}`;
}[keyof T & string];

export type Params = Record<string, string | number>;

export const CATALOGUES: Record<Lang, Messages> = { en, da, sv, nb };

const isPlural = (value: unknown): value is Plural =>
  typeof value === 'object' && value !== null && 'one' in value && 'other' in value;

function lookup(catalogue: Messages, key: string): Leaf | undefined {
  let node: unknown = catalogue;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' || isPlural(node) ? node : undefined;
}

export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  const message = lookup(CATALOGUES[lang], key) ?? lookup(en, key) ?? key;
  const text = isPlural(message)
    ? message[new Intl.PluralRules(INTL_TAG[lang]).select(Number(params.count ?? 0)) === 'one' ? 'one' : 'other']
    : message;
  // A number reads in the language's own way: "5,000" · "5.000" · "5 000".
  const written = (value: string | number) =>
    typeof value === 'number' ? new Intl.NumberFormat(INTL_TAG[lang]).format(value) : value;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? written(params[name]) : whole));
}
