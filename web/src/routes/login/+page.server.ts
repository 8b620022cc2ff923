import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { graphql } from '$lib/server/api';
import { keepSessionCookie } from '$lib/server/session-cookie';
import { translate } from '$lib/i18n/translate';

const LOGIN = `mutation Login($input: LoginInput!) {
  login(input: $input) {
    __typename
    ... on MutationLoginSuccess { data { token expiresAt } }
    ... on RateLimitedError { retryAfterSeconds }
  }
}`;

type LoginResult =
  | { __typename: 'MutationLoginSuccess'; data: { token: string; expiresAt: string } }
  | { __typename: 'ValidationError' }
  | { __typename: 'RateLimitedError'; retryAfterSeconds: number };

/** The throttle's pause in the visitor's words: seconds while short, whole minutes after. */
function tryAgainKey(seconds: number): { key: 'login.tooManySeconds' | 'login.tooManyMinutes'; count: number } {
  return seconds < 90
    ? { key: 'login.tooManySeconds', count: seconds }
    : { key: 'login.tooManyMinutes', count: Math.ceil(seconds / 60) };
}

export const load: PageServerLoad = ({ locals }) => {
  if (locals.user) redirect(303, '/');
};

export const actions: Actions = {
  default: async ({ request, cookies, fetch, url, locals, getClientAddress }) => {
    const form = await request.formData();
    const email = String(form.get('email') ?? '');
    const password = String(form.get('password') ?? '');
    let result;
    try {
      result = await graphql<{ login: LoginResult }>(
        fetch,
        LOGIN,
        { input: { email, password } },
        null,
        getClientAddress(),
      );
    } catch {
      return fail(503, { email, message: translate(locals.lang, 'login.unreachable') });
    }
    const login = result.data?.login;
    if (login?.__typename === 'RateLimitedError') {
      const { key, count } = tryAgainKey(login.retryAfterSeconds);
      return fail(429, { email, message: translate(locals.lang, key, { count }) });
    }
    if (!login || login.__typename !== 'MutationLoginSuccess') {
      // The API words its refusal in English; the form speaks the visitor's language.
      const key = login?.__typename === 'ValidationError' ? 'login.wrongCredentials' : 'login.failed';
      return fail(400, { email, message: translate(locals.lang, key) });
    }
    keepSessionCookie(cookies, login.data.token, url.protocol === 'https:', new Date(login.data.expiresAt));
    redirect(303, '/');
  },
};
