import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { SESSION_COOKIE, graphql } from '$lib/server/api';
import { translate } from '$lib/i18n/translate';

const LOGIN = `mutation Login($input: LoginInput!) {
  login(input: $input) {
    __typename
    ... on MutationLoginSuccess { data { token expiresAt } }
  }
}`;

type LoginResult =
  | { __typename: 'MutationLoginSuccess'; data: { token: string; expiresAt: string } }
  | { __typename: 'ValidationError' };

export const load: PageServerLoad = ({ locals }) => {
  if (locals.user) redirect(303, '/');
};

export const actions: Actions = {
  default: async ({ request, cookies, fetch, url, locals }) => {
    const form = await request.formData();
    const email = String(form.get('email') ?? '');
    const password = String(form.get('password') ?? '');
    let result;
    try {
      result = await graphql<{ login: LoginResult }>(fetch, LOGIN, { input: { email, password } });
    } catch {
      return fail(503, { email, message: translate(locals.lang, 'login.unreachable') });
    }
    const login = result.data?.login;
    if (!login || login.__typename !== 'MutationLoginSuccess') {
      // The API words its refusal in English; the form speaks the visitor's language.
      const key = login?.__typename === 'ValidationError' ? 'login.wrongCredentials' : 'login.failed';
      return fail(400, { email, message: translate(locals.lang, key) });
    }
    cookies.set(SESSION_COOKIE, login.data.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: url.protocol === 'https:',
      expires: new Date(login.data.expiresAt),
    });
    redirect(303, '/');
  },
};
