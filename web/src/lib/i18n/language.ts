// Which language the dashboard speaks: English or Danish, from the staff member's choice.
export type Lang = 'en' | 'da';
export type ApiLocale = 'DA' | 'SV' | 'NB' | 'EN';

export const LANGUAGES: Lang[] = ['en', 'da'];
/** Set by the language switch until the API can store the choice on the user (`updateMe`). */
export const LANGUAGE_COOKIE = 'trofast_lang';

/** Fixed tags, so a page formats the same on every machine and in every test. */
export const INTL_TAG: Record<Lang, string> = { en: 'en-GB', da: 'da-DK' };

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'da';
}

/** The switch's cookie first, then the user's locale (Danish for DA, English otherwise). */
export function languageOf(
  cookie: string | undefined,
  userLocale: ApiLocale | undefined,
  acceptLanguage: string | null = null,
): Lang {
  if (isLang(cookie)) return cookie;
  if (userLocale) return userLocale === 'DA' ? 'da' : 'en';
  // Before sign-in: the browser's first preference.
  return acceptLanguage?.trim().toLowerCase().startsWith('da') ? 'da' : 'en';
}

/** The locale argument for API fields that render sentences (`explanation(locale:)`). */
export function apiLocaleOf(lang: Lang): ApiLocale {
  return lang === 'da' ? 'DA' : 'EN';
}
