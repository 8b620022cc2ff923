// The session cookie → `me` → event.locals.user, on every request to the dashboard's server.
import type { Handle } from '@sveltejs/kit';
import { SESSION_COOKIE, graphql } from '$lib/server/api';
import { keepSessionCookie } from '$lib/server/session-cookie';
import { LANGUAGE_COOKIE, languageOf } from '$lib/i18n/language';

const ME = 'query Me { me { id name email role locale } }';

export const handle: Handle = async ({ event, resolve }) => {
  const token = event.cookies.get(SESSION_COOKIE) ?? null;
  event.locals.token = null;
  event.locals.user = null;
  if (event.url.pathname === '/graphql') {
    // The GraphQL proxy: the API checks the token on every call, no need to ask `me` first.
    event.locals.token = token;
  } else if (token) {
    try {
      const result = await graphql<{ me: App.Locals['user'] }>(fetch, ME, {}, token);
      if (result.data?.me) {
        event.locals.token = token;
        event.locals.user = result.data.me;
        // The API has just slid the session forward: so does the cookie.
        keepSessionCookie(event.cookies, token, event.url.protocol === 'https:');
      } else {
        event.cookies.delete(SESSION_COOKIE, { path: '/' });
      }
    } catch {
      // The API is down: treat the visitor as signed out; the login page says so.
    }
  }
  event.locals.lang = languageOf(
    event.cookies.get(LANGUAGE_COOKIE),
    event.locals.user?.locale,
    event.request.headers.get('accept-language'),
  );
  const lang = event.locals.lang;
  return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
};
