import type { Locale } from '../types.ts';

const LOCALES: readonly Locale[] = ['DA', 'SV', 'NB', 'EN'];

/**
 * The locale a reader asked for, from whatever spelling reached us ('da', 'DA', 'da-DK', 'nb_NO').
 * Anything else reads English: a sentence in a language the reader may not know beats none.
 */
export function resolveLocale(value: string | null | undefined): Locale {
  const language = (value ?? '').split(/[-_]/)[0].toUpperCase();
  if (language === 'NO' || language === 'NN') return 'NB';
  return LOCALES.find((locale) => locale === language) ?? 'EN';
}
