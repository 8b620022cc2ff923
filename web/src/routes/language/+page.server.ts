// The language switch: a plain form, so it works with the keyboard and without JavaScript. A
// signed-in user's choice is stored on them (`updateMe`), so it follows them to any browser;
// before sign-in it lives in a cookie.
import { redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { graphql } from '$lib/server/api';
import { LANGUAGE_COOKIE, apiLocaleOf, isLang, languageOf, type Lang } from '$lib/i18n/language';

const UPDATE_ME = `mutation UpdateMe($input: UpdateMeInput!) {
  updateMe(input: $input) { __typename ... on Error { message } }
}`;

/** Only a path on this site: never an open redirect. */
function safePath(value: FormDataEntryValue | null): string {
  const path = typeof value === 'string' ? value : '/';
  return path.startsWith('/') && !path.startsWith('//') ? path : '/';
}

async function storeOnUser(fetcher: typeof fetch, locals: App.Locals, lang: Lang): Promise<boolean> {
  if (!locals.user || !locals.token) return false;
  if (languageOf(undefined, locals.user.locale) === lang) return true;
  try {
    const result = await graphql<{ updateMe: { __typename: string } }>(
      fetcher,
      UPDATE_ME,
      { input: { locale: apiLocaleOf(lang) } },
      locals.token,
    );
    return result.data?.updateMe.__typename === 'MutationUpdateMeSuccess';
  } catch {
    return false;
  }
}

export const actions: Actions = {
  default: async ({ request, cookies, url, fetch, locals }) => {
    const form = await request.formData();
    const lang = form.get('lang');
    if (isLang(lang)) {
      if (locals.user) {
        // The API refusing (it is down) leaves the language as it was; the page shows the truth.
        if (await storeOnUser(fetch, locals, lang)) cookies.delete(LANGUAGE_COOKIE, { path: '/' });
      } else {
        cookies.set(LANGUAGE_COOKIE, lang, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: url.protocol === 'https:',
          maxAge: 60 * 60 * 24 * 365,
        });
      }
    }
    redirect(303, safePath(form.get('redirectTo')));
  },
};
