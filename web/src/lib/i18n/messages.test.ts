import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { en } from './messages/en';
import { da } from './messages/da';
import { translate } from './translate';
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
  test('English and Danish have exactly the same keys', () => {
    expect(keysOf(da).sort()).toEqual(keysOf(en).sort());
  });

  test('no message is empty in either language', () => {
    for (const [key, text] of [...leaves(en), ...leaves(da)]) expect(text.trim(), key).not.toBe('');
  });

  test('each Danish message uses the same {placeholders} as its English one', () => {
    const danish = new Map(leaves(da));
    for (const [key, text] of leaves(en)) expect(placeholders(danish.get(key) ?? ''), key).toEqual(placeholders(text));
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

  test('a user whose locale is DA gets Danish; SV, NB and EN get English', () => {
    expect(languageOf(undefined, 'DA')).toBe('da');
    expect(languageOf(undefined, 'SV')).toBe('en');
    expect(languageOf(undefined, 'NB')).toBe('en');
    expect(languageOf(undefined, 'EN')).toBe('en');
  });

  test('before sign-in the browser’s first language decides', () => {
    expect(languageOf(undefined, undefined, 'da-DK,da;q=0.9,en;q=0.8')).toBe('da');
    expect(languageOf(undefined, undefined, 'sv-SE')).toBe('en');
    expect(languageOf('nonsense', undefined, null)).toBe('en');
  });
});
