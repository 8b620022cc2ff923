// What is stored is a code with parameters; the words are chosen when read, in the reader's
// locale. A catalogue is the one place that holds a family of sentences in all four languages
// (the compiler refuses a missing language), and it checks stored parameters before using them,
// because rows outlive the code that wrote them.
import type { Locale } from '../types.ts';
import { formatterFor, type LocaleFormat } from './format.ts';
import { resolveLocale } from './resolve-locale.ts';

type Scalar = 'int' | 'number' | 'string' | 'date' | 'boolean';
/** A parameter's kind; a trailing `?` makes it optional. Dates are stored as ISO 8601 strings. */
export type ParamKind = Scalar | `${Scalar}?`;
/** A message's parameters: a name to a kind, or to a one-element tuple for a list of records. */
export interface ParamSpec {
  readonly [name: string]: ParamKind | readonly [ParamSpec];
}

type ScalarValue<K> = K extends 'int' | 'number' ? number : K extends 'boolean' ? boolean : string;
type ValueOf<K> = K extends readonly [infer Item extends ParamSpec]
  ? ParamsOf<Item>[]
  : ScalarValue<K extends `${infer Base}?` ? Base : K>;
type OptionalKeys<S> = { [N in keyof S]: S[N] extends `${string}?` ? N : never }[keyof S];
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The plain, JSON-serialisable parameters a spec describes. */
export type ParamsOf<S extends ParamSpec> = Simplify<
  { -readonly [N in Exclude<keyof S, OptionalKeys<S>>]: ValueOf<S[N]> } & {
    -readonly [N in OptionalKeys<S>]?: ValueOf<S[N]>;
  }
>;

export type Templates<P, Out> = Record<Locale, (params: P, format: LocaleFormat) => Out>;

export interface MessageDefinition<S extends ParamSpec, Out> {
  params: S;
  text: Templates<ParamsOf<S>, Out>;
}

/** One message: its parameters and its words in every language. */
export function message<const S extends ParamSpec, Out = string>(
  params: S,
  text: Templates<ParamsOf<S>, Out>,
): MessageDefinition<S, Out> {
  return { params, text };
}

/**
 * One template for every language, for a template that picks its words by `format.locale` itself
 * (an exhaustive switch keeps the compiler's check that no language is missing).
 */
export function everyLocale<P, Out>(template: (params: P, format: LocaleFormat) => Out): Templates<P, Out> {
  return { EN: template, DA: template, SV: template, NB: template };
}

// `any` because a template's parameter type varies per message; `message()` keeps each one exact.
type Definitions<Out> = Record<string, MessageDefinition<any, Out>>;

/** Every message's parameters, by code. */
export type ParamsByCode<D extends Definitions<unknown>> = {
  [C in keyof D & string]: D[C] extends MessageDefinition<infer S, unknown> ? ParamsOf<S> : never;
};

/** A code with its parameters, as stored: `{ code: 'REDEEM', params: { points: 500, rewardName: 'Tote bag' } }`. */
export type CodedReason<D extends Definitions<unknown>> = {
  [C in keyof D & string]: { code: C; params: ParamsByCode<D>[C] };
}[keyof D & string];

export interface Catalogue<D extends Definitions<Out>, Out> {
  readonly definitions: D;
  /**
   * The words for a stored code and parameters. An unknown code, parameters that do not fit, or a
   * template that fails all give the catalogue's generic words: a reader never sees a raw code.
   */
  render(code: string, params: unknown, locale: Locale, timeZone?: string): Out;
  has(code: string): code is keyof D & string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The parameters a spec asks for, copied and checked; null when any required one is missing or wrong. */
export function readParams<S extends ParamSpec>(spec: S, raw: unknown): ParamsOf<S> | null {
  if (!isRecord(raw)) return null;
  const read: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(spec)) {
    const value = raw[name];
    if (typeof kind !== 'string') {
      if (!Array.isArray(value)) return null;
      const items = value.map((item) => readParams(kind[0], item));
      if (items.some((item) => item === null)) return null;
      read[name] = items;
      continue;
    }
    const optional = kind.endsWith('?');
    if (value === undefined || value === null) {
      if (!optional) return null;
      continue;
    }
    const checked = readScalar(kind.replace('?', '') as Scalar, value);
    if (checked === undefined) return null;
    read[name] = checked;
  }
  return read as ParamsOf<S>;
}

function readScalar(kind: Scalar, value: unknown): unknown {
  switch (kind) {
    case 'int':
      return Number.isSafeInteger(value) ? value : undefined;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
    case 'string':
      return typeof value === 'string' ? value : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? value : undefined;
    case 'date': {
      const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
      return date !== null && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
    }
  }
}

export function defineCatalogue<Out, D extends Definitions<Out>>(
  definitions: D,
  generic: Record<Locale, Out>,
): Catalogue<D, Out> {
  const has = (code: string): code is keyof D & string => Object.hasOwn(definitions, code);
  return {
    definitions,
    has,
    render(code, params, locale, timeZone) {
      const language = resolveLocale(locale);
      if (!has(code)) return generic[language];
      const definition = definitions[code];
      const read = readParams(definition.params, params);
      if (read === null) return generic[language];
      try {
        return definition.text[language](read, formatterFor(language, timeZone));
      } catch {
        return generic[language];
      }
    },
  };
}
