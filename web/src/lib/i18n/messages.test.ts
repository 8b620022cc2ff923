import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { en } from './messages/en';
import { translate, CATALOGUES } from './translate';
import { languageOf } from './language';

function keysOf(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, value]) => keysOf(value, prefix ? `${prefix}.${key}` : key));
}

function leaves(node: unknown, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]];
  return Object.entries(node as object).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the message catalogues', () => {
  const others = Object.entries(CATALOGUES).filter(([lang]) => lang !== 'en');

  test('the dashboard speaks English, Danish, Swedish and Norwegian', () => {
    expect(Object.keys(CATALOGUES).sort()).toEqual(['da', 'en', 'nb', 'sv']);
  });

  test.each(others)('%s has exactly the keys of English', (_lang, catalogue) => {
    expect(keysOf(catalogue).sort()).toEqual(keysOf(en).sort());
  });

  test.each(Object.entries(CATALOGUES))('no message is empty in %s', (_lang, catalogue) => {
    for (const [key, text] of leaves(catalogue)) expect(text.trim(), key).not.toBe('');
  });

  test.each(others)('each %s message uses the same {placeholders} as its English one', (_lang, catalogue) => {
    const translated = new Map(leaves(catalogue));
    for (const [key, text] of leaves(en))
      expect(placeholders(translated.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  test('every message is used somewhere, so the catalogues hold no forgotten words', () => {
    const src = fileURLToPath(new URL('../..', import.meta.url));
    const code = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(svelte|ts)$/.test(file) && !file.includes('messages') && !file.endsWith('.test.ts'))
      .map((file) => readFileSync(path.join(src, file), 'utf8'))
      .join('\n');
    const literal = new Set([...code.matchAll(/['"`]([a-z]+\.[a-zA-Z.]+)['"`]/g)].map((match) => match[1]));
    // Keys built from a value: `connection.${status}`, `settings.weight.${key}`.
    const prefixes = [...code.matchAll(/`([a-z]+\.[a-zA-Z.]*\.?)\$\{/g)].map((match) => match[1]);
    // A plural message ({ one, other }) is one key.
    const unused = [...new Set(keysOf(en).map((key) => key.replace(/\.(one|other)$/, '')))]
      .filter((key) => !key.startsWith('enums.'))
      .filter((key) => !literal.has(key) && !prefixes.some((prefix) => key.startsWith(prefix)));
    expect(unused).toEqual([]);
  });

  test('a message fills in its parameters and picks the plural form', () => {
    expect(translate('en', 'board.showing', { count: 1 })).toBe('Showing 1 alert');
    expect(translate('en', 'board.showing', { count: 500 })).toBe('Showing 500 alerts');
    expect(translate('da', 'board.showing', { count: 2 })).toBe('Viser 2 alarmer');
    expect(translate('da', 'app.signedInAs', { name: 'Mads Kjær' })).toBe('Logget ind som Mads Kjær');
    expect(translate('sv', 'board.showing', { count: 2 })).toBe('Visar 2 larm');
    expect(translate('nb', 'board.showing', { count: 2 })).toBe('Viser 2 varsler');
  });
});

describe('choosing the dashboard’s language', () => {
  test('a signed-in user’s stored language wins over a cookie left from before sign-in', () => {
    expect(languageOf('en', 'DA')).toBe('da');
    expect(languageOf('da', 'EN')).toBe('en');
  });

  test('before sign-in the switch’s cookie decides', () => {
    expect(languageOf('da', undefined, 'en-GB')).toBe('da');
  });

  test('a user gets the language stored on them: DA Danish, SV Swedish, NB Norwegian, EN English', () => {
    expect(languageOf(undefined, 'DA')).toBe('da');
    expect(languageOf(undefined, 'SV')).toBe('sv');
    expect(languageOf(undefined, 'NB')).toBe('nb');
    expect(languageOf(undefined, 'EN')).toBe('en');
  });

  test('before sign-in the browser’s first language decides; plain Norwegian reads bokmål', () => {
    expect(languageOf(undefined, undefined, 'da-DK,da;q=0.9,en;q=0.8')).toBe('da');
    expect(languageOf(undefined, undefined, 'sv-SE')).toBe('sv');
    expect(languageOf(undefined, undefined, 'no,en;q=0.5')).toBe('nb');
    expect(languageOf(undefined, undefined, 'de-DE')).toBe('en');
    expect(languageOf('nonsense', undefined, null)).toBe('en');
  });
});
