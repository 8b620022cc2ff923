// Which language the dashboard speaks: the seeds' three and English, from the staff member's choice.
export type Lang = 'en' | 'da' | 'sv' | 'nb';
export type ApiLocale = 'DA' | 'SV' | 'NB' | 'EN';

export const LANGUAGES: Lang[] = ['en', 'da', 'sv', 'nb'];
/** The language switch's choice before sign-in; once signed in, the choice is stored on the user. */
export const LANGUAGE_COOKIE = 'trofast_lang';

/** Fixed tags, so a page formats the same on every machine and in every test. */
export const INTL_TAG: Record<Lang, string> = { en: 'en-GB', da: 'da-DK', sv: 'sv-SE', nb: 'nb-NO' };

export function isLang(value: unknown): value is Lang {
  return LANGUAGES.includes(value as Lang);
}

/** A browser's language tag → ours: Norwegian without a written standard ("no") reads bokmål. */
function langOfTag(tag: string): Lang | null {
  const primary = tag.trim().toLowerCase().split(/[-;,]/)[0];
  if (primary === 'no' || primary === 'nn') return 'nb';
  return isLang(primary) ? primary : null;
}

/**
 * A signed-in user's stored locale; before sign-in the switch's cookie, then the browser's first
 * preference.
 */
export function languageOf(
  cookie: string | undefined,
  userLocale: ApiLocale | undefined,
  acceptLanguage: string | null = null,
): Lang {
  if (userLocale) return userLocale.toLowerCase() as Lang;
  if (isLang(cookie)) return cookie;
  return (acceptLanguage && langOfTag(acceptLanguage)) || 'en';
}

/** The locale argument for API fields that render sentences (`explanation(locale:)`). */
export function apiLocaleOf(lang: Lang): ApiLocale {
  return lang.toUpperCase() as ApiLocale;
}
