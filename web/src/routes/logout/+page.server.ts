import { redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { SESSION_COOKIE, graphql } from '$lib/server/api';

export const actions: Actions = {
  default: async ({ cookies, fetch, locals }) => {
    if (locals.token) await graphql(fetch, 'mutation { logout }', {}, locals.token).catch(() => undefined);
    cookies.delete(SESSION_COOKIE, { path: '/' });
    redirect(303, '/login');
  },
};
