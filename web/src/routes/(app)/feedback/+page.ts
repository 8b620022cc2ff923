import type { PageLoad } from './$types';
import { FEEDBACK, NPS_TREND } from '$lib/graphql/documents';
import { loadPages, loadQuery, type LoadedPages } from '$lib/graphql/load-pages';
import type { Feedback, TrendBucket } from '$lib/graphql/types';

/** Answers a page; "Show more" adds a page to the address. */
const PAGE_SIZE = 25;
const MAX_PAGES = 20;

// Loaded in the browser, like the rest of the dashboard: its requests go through the same /graphql
// the live parts use, and a sign-in-only page gains nothing from a server render.
export const ssr = false;

// The page's view is its address: ?bucket=WEEK for the trend by week, ?page=N for N pages of answers.
export const load: PageLoad = async ({ url, fetch, depends }) => {
  depends('app:feedback');
  const page = Number(url.searchParams.get('page'));
  const view = {
    bucket: (url.searchParams.get('bucket') === 'WEEK' ? 'WEEK' : 'MONTH') as TrendBucket,
    page: Number.isInteger(page) && page > 1 ? Math.min(page, MAX_PAGES) : 1,
  };
  // The last 12 months up to now, in whole buckets from the one holding `from`.
  const to = new Date();
  const from = new Date(to);
  from.setUTCFullYear(from.getUTCFullYear() - 1);
  // Named: the page reads its rows through PageData, which does not see the inferred type.
  const answers: Promise<LoadedPages<Feedback>> = loadPages(
    fetch,
    FEEDBACK,
    {},
    (data) => data.feedback,
    view.page * PAGE_SIZE,
  );
  const [trend, latest] = await Promise.all([
    loadQuery(fetch, NPS_TREND, {
      from: from.toISOString(),
      to: to.toISOString(),
      bucket: view.bucket,
    }),
    answers,
  ]);
  return { view, trend, latest, morePages: view.page < MAX_PAGES };
};
