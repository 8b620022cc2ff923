// Which language the dashboard speaks: English or Danish, from the staff member's choice.
export type Lang = 'en' | 'da';
export type ApiLocale = 'DA' | 'SV' | 'NB' | 'EN';

export const LANGUAGES: Lang[] = ['en', 'da'];
/** The language switch's choice before sign-in; once signed in, the choice is stored on the user. */
export const LANGUAGE_COOKIE = 'trofast_lang';

/** Fixed tags, so a page formats the same on every machine and in every test. */
export const INTL_TAG: Record<Lang, string> = { en: 'en-GB', da: 'da-DK' };

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'da';
}

/**
 * A signed-in user's stored locale (Danish for DA, English otherwise: the dashboard speaks those
 * two); before sign-in the switch's cookie, then the browser's first preference.
 */
export function languageOf(
  cookie: string | undefined,
  userLocale: ApiLocale | undefined,
  acceptLanguage: string | null = null,
): Lang {
  if (userLocale) return userLocale === 'DA' ? 'da' : 'en';
  if (isLang(cookie)) return cookie;
  return acceptLanguage?.trim().toLowerCase().startsWith('da') ? 'da' : 'en';
}

/** The locale argument for API fields that render sentences (`explanation(locale:)`). */
export function apiLocaleOf(lang: Lang): ApiLocale {
  return lang === 'da' ? 'DA' : 'EN';
}
