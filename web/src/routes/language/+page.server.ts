// The language switch: a plain form, so it works with the keyboard and without JavaScript. The
// choice lives in a cookie until the API can store it on the user.
import { redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { LANGUAGE_COOKIE, isLang } from '$lib/i18n/language';

/** Only a path on this site: never an open redirect. */
function safePath(value: FormDataEntryValue | null): string {
  const path = typeof value === 'string' ? value : '/';
  return path.startsWith('/') && !path.startsWith('//') ? path : '/';
}

export const actions: Actions = {
  default: async ({ request, cookies, url }) => {
    const form = await request.formData();
    const lang = form.get('lang');
    if (isLang(lang)) {
      cookies.set(LANGUAGE_COOKIE, lang, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: url.protocol === 'https:',
        maxAge: 60 * 60 * 24 * 365,
      });
    }
    redirect(303, safePath(form.get('redirectTo')));
  },
};
