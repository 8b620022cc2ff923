// An email link's page: opening it (a GET, as every mail scanner does) changes nothing; only the
// person pressing the button (a POST) spends the link and starts their session.
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { graphql } from '$lib/server/api';
import { keepMemberCookie, START_MEMBER_SESSION } from '$lib/server/member';
import { translate } from '$lib/i18n/translate';

export const load: PageServerLoad = ({ params }) => ({ slug: params.slug });

type Started =
  | { __typename: 'MutationStartMemberSessionSuccess'; data: { token: string; expiresAt: string } }
  | { __typename: 'ValidationError' | 'NotFoundError' | 'RateLimitedError' };

export const actions: Actions = {
  default: async ({ params, cookies, fetch, url, locals, getClientAddress }) => {
    let started: Started | undefined;
    try {
      const result = await graphql<{ startMemberSession: Started }>(
        fetch,
        START_MEMBER_SESSION,
        { token: params.token },
        null,
        getClientAddress(),
      );
      started = result.data?.startMemberSession;
    } catch {
      return fail(503, { message: translate(locals.lang, 'member.unreachable') });
    }
    if (started?.__typename !== 'MutationStartMemberSessionSuccess') {
      const key =
        started?.__typename === 'RateLimitedError'
          ? 'member.tooMany'
          : started?.__typename === 'NotFoundError'
            ? 'member.linkUnknown'
            : 'member.linkFailed';
      return fail(400, { message: translate(locals.lang, key) });
    }
    keepMemberCookie(
      cookies,
      params.slug,
      started.data.token,
      url.protocol === 'https:',
      new Date(started.data.expiresAt),
    );
    redirect(303, `/m/${params.slug}`);
  },
};
