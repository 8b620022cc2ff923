// The customer's own page, rendered on the server from their member session; every change is a
// plain form (it works without JavaScript, on any phone), then the page reads itself again.
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { graphql } from '$lib/server/api';
import { CONTACT_CHANNELS } from '$lib/components/member/member-page';
import {
  dropMemberCookie,
  LOGOUT,
  MEMBER_ANSWER,
  MEMBER_CONSENTS,
  MEMBER_COOKIE,
  MEMBER_PAGE,
  MEMBER_REDEEM,
  MEMBER_REPORT,
  REQUEST_MEMBER_LINK,
  type MemberPage,
} from '$lib/server/member';
import { LANGUAGE_COOKIE, apiLocaleOf, isLang, type Lang } from '$lib/i18n/language';
import { translate, type MessageKey } from '$lib/i18n/translate';

/** The page's language: the switch's choice, else the customer's own, else the browser's. */
function pageLang(cookies: RequestEvent['cookies'], member: MemberPage | null, fallback: Lang): Lang {
  const chosen = cookies.get(LANGUAGE_COOKIE);
  if (isLang(chosen)) return chosen;
  return member ? (member.locale.toLowerCase() as Lang) : fallback;
}

export const load: PageServerLoad = async ({ params, cookies, fetch, locals, url }) => {
  const token = cookies.get(MEMBER_COOKIE);
  const chosen = cookies.get(LANGUAGE_COOKIE);
  let member: MemberPage | null = null;
  let unreachable = false;
  if (token) {
    try {
      const result = await graphql<{ member: MemberPage | null }>(
        fetch,
        MEMBER_PAGE,
        { locale: isLang(chosen) ? apiLocaleOf(chosen) : null, after: url.searchParams.get('after') },
        token,
      );
      member = result.data?.member ?? null;
      // An ended or expired session, or one of another organization's page: as if there were none.
      if (!member || member.organizationSlug !== params.slug) {
        member = null;
        if (!result.errors?.some((error) => error.extensions?.code !== 'UNAUTHENTICATED'))
          dropMemberCookie(cookies, params.slug);
      }
    } catch {
      unreachable = true;
    }
  }
  return {
    slug: params.slug,
    member,
    unreachable,
    after: url.searchParams.get('after'),
    memberLang: pageLang(cookies, member, locals.lang),
  };
};

async function memberCall<T>(event: RequestEvent, query: string, variables: Record<string, unknown>) {
  const token = event.cookies.get(MEMBER_COOKIE);
  if (!token) redirect(303, `/m/${event.params.slug}`);
  return graphql<T>(event.fetch, query, variables, token, event.getClientAddress());
}

/** A form's answer in the page's language. */
async function say(event: RequestEvent, key: MessageKey, params: Record<string, string | number> = {}) {
  const chosen = event.cookies.get(LANGUAGE_COOKIE);
  const lang = isLang(chosen) ? chosen : event.locals.lang;
  return translate(lang, key, params);
}

export const actions: Actions = {
  // The same answer whatever the address: the API says nothing about who is a customer.
  requestLink: async (event) => {
    const form = await event.request.formData();
    const email = String(form.get('email') ?? '').trim();
    const result = await graphql<{ requestMemberLink: boolean }>(
      event.fetch,
      REQUEST_MEMBER_LINK,
      { input: { organizationSlug: event.params.slug, email } },
      null,
      event.getClientAddress(),
    );
    if (result.data?.requestMemberLink !== true)
      return fail(400, { form: 'requestLink', ok: false, message: await say(event, 'member.failed') });
    return { form: 'requestLink', ok: true, message: await say(event, 'member.linkSent') };
  },

  redeem: async (event) => {
    const form = await event.request.formData();
    const result = await memberCall<{
      memberRedeemReward: { __typename: string; data?: { rewardName: string; points: number }; message?: string };
    }>(event, MEMBER_REDEEM, { reward: String(form.get('rewardId') ?? '') });
    const answer = result.data?.memberRedeemReward;
    if (answer?.__typename === 'MutationMemberRedeemRewardSuccess' && answer.data)
      return {
        form: 'redeem',
        ok: true,
        message: await say(event, 'member.redeemed', { reward: answer.data.rewardName, points: answer.data.points }),
      };
    const key: MessageKey =
      answer?.__typename === 'InsufficientPointsError'
        ? 'member.insufficient'
        : answer?.__typename === 'TierTooLowError'
          ? 'member.tierTooLow'
          : answer?.__typename === 'OutOfStockError'
            ? 'member.outOfStockError'
            : 'member.failed';
    return fail(400, { form: 'redeem', ok: false, message: await say(event, key) });
  },

  // One tap on a score answers an NPS or CSAT invitation right here; a comment or a poll's
  // options are on the invitation's own answer page.
  answer: async (event) => {
    const form = await event.request.formData();
    const result = await memberCall<{ answerInvitation: { __typename: string } }>(event, MEMBER_ANSWER, {
      input: { token: String(form.get('token') ?? ''), score: Number(form.get('score')) },
    });
    if (result.data?.answerInvitation.__typename !== 'MutationAnswerInvitationSuccess')
      return fail(400, { form: 'answer', ok: false, message: await say(event, 'member.failed') });
    return { form: 'answer', ok: true, message: await say(event, 'member.answered') };
  },

  consents: async (event) => {
    const form = await event.request.formData();
    const granted = new Set(form.getAll('channel').map(String));
    const consents = CONTACT_CHANNELS.map((channel) => ({ channel, granted: granted.has(channel) }));
    const result = await memberCall<{ memberUpdateConsents: { __typename: string } }>(event, MEMBER_CONSENTS, {
      consents,
    });
    if (result.data?.memberUpdateConsents.__typename !== 'MutationMemberUpdateConsentsSuccess')
      return fail(400, { form: 'consents', ok: false, message: await say(event, 'member.failed') });
    return { form: 'consents', ok: true, message: await say(event, 'member.contactSaved') };
  },

  report: async (event) => {
    const form = await event.request.formData();
    const title = String(form.get('title') ?? '');
    const description = String(form.get('description') ?? '').trim();
    const category = String(form.get('category') ?? 'OTHER');
    const result = await memberCall<{ memberReportProblem: { __typename: string } }>(event, MEMBER_REPORT, {
      input: { title, description: description || null, category },
    });
    if (result.data?.memberReportProblem.__typename !== 'MutationMemberReportProblemSuccess')
      return fail(400, {
        form: 'report',
        ok: false,
        title,
        description,
        message: await say(event, 'member.problemMissing'),
      });
    return { form: 'report', ok: true, message: await say(event, 'member.reported') };
  },

  logout: async (event) => {
    const token = event.cookies.get(MEMBER_COOKIE);
    if (token) await graphql(event.fetch, LOGOUT, {}, token).catch(() => undefined);
    dropMemberCookie(event.cookies, event.params.slug);
    redirect(303, `/m/${event.params.slug}`);
  },
};
