// The answer page (PRODUCT.md "Asking"): public, the link's token is the only credential. Loading
// it never records anything (mail scanners open every link, some even follow auto-posting forms);
// `?score=N` of an email's one-tap button only preselects. The person's submit, a POST that
// SvelteKit accepts only from this origin, records the answer.
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { graphql } from '$lib/server/api';
import type { Lang } from '$lib/i18n/language';

const FIELDS =
  'organizationName locale kind question options status score option comment changeableUntil participationPoints';
const PAGE = `query InvitationPage($token: String!) { invitation(token: $token) { ${FIELDS} } }`;
const ANSWER = `mutation AnswerInvitation($input: AnswerInvitationInput!) {
  answerInvitation(input: $input) {
    __typename
    ... on MutationAnswerInvitationSuccess { data { ${FIELDS} } }
    ... on RateLimitedError { retryAfterSeconds }
    ... on Error { message }
  }
}`;

export interface InvitationPage {
  organizationName: string;
  locale: 'DA' | 'SV' | 'NB' | 'EN';
  kind: 'NPS' | 'CSAT' | 'POLL';
  question: string;
  options: string[];
  status: 'SCHEDULED' | 'SENT' | 'SKIPPED' | 'ANSWERED' | 'EXPIRED' | 'CANCELLED';
  score: number | null;
  option: string | null;
  comment: string | null;
  changeableUntil: string | null;
  participationPoints: number;
}

type AnswerResult =
  | { __typename: 'MutationAnswerInvitationSuccess'; data: InvitationPage }
  | { __typename: 'RateLimitedError'; retryAfterSeconds: number; message: string }
  | { __typename: 'ValidationError' | 'NotFoundError'; message: string };

const langOf = (page: InvitationPage | null, fallback: Lang): Lang =>
  page ? (page.locale.toLowerCase() as Lang) : fallback;

export const load: PageServerLoad = async ({ params, url, fetch, locals, getClientAddress, setHeaders }) => {
  // The token is in the address: keep it out of caches and out of the Referer of any link.
  setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
  const result = await graphql<{ invitation: InvitationPage | null }>(
    fetch,
    PAGE,
    { token: params.token },
    null,
    getClientAddress(),
  );
  const page = result.data?.invitation ?? null;
  const preselected = Number.parseInt(url.searchParams.get('score') ?? '', 10);
  return {
    page,
    pageLang: langOf(page, locals.lang),
    preselected: Number.isInteger(preselected) ? preselected : null,
  };
};

export const actions: Actions = {
  default: async ({ params, request, fetch, getClientAddress }) => {
    const form = await request.formData();
    const score = form.get('score');
    const option = form.get('option');
    const comment = String(form.get('comment') ?? '');
    let result;
    try {
      result = await graphql<{ answerInvitation: AnswerResult }>(
        fetch,
        ANSWER,
        {
          input: {
            token: params.token,
            score: score === null || score === '' ? null : Number(score),
            option: option === null || option === '' ? null : String(option),
            comment,
          },
        },
        null,
        getClientAddress(),
      );
    } catch {
      return fail(503, { error: 'failed' as const, comment });
    }
    const answer = result.data?.answerInvitation;
    // Only what the page says: the first answer earns the points, a change does not.
    if (answer?.__typename === 'MutationAnswerInvitationSuccess')
      return { answered: answer.data, firstAnswer: form.get('first') === '1' };
    if (answer?.__typename === 'RateLimitedError') return fail(429, { error: 'tooMany' as const, comment });
    return fail(400, { error: 'failed' as const, comment, message: answer?.message ?? null });
  },
};
