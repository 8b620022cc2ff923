import type { PageLoad } from './$types';
import { INCIDENTS } from '$lib/graphql/documents';
import { loadPages, type LoadedPages } from '$lib/graphql/load-pages';
import type { Incident } from '$lib/graphql/types';

/** Incidents a page; the queue shows the most urgent first and "Show more" adds a page. */
const PAGE_SIZE = 100;
const MAX_PAGES = 20;

// Loaded in the browser, like the rest of the dashboard: its requests go through the same /graphql
// the live parts use, and a sign-in-only page gains nothing from a server render.
export const ssr = false;

// The queue's view is its address: ?closed=1 shows closed incidents too, ?page=N shows N pages.
export const load: PageLoad = async ({ url, fetch, depends }) => {
  depends('app:incidents');
  const page = Number(url.searchParams.get('page'));
  const view = {
    closed: url.searchParams.get('closed') === '1',
    page: Number.isInteger(page) && page > 1 ? Math.min(page, MAX_PAGES) : 1,
  };
  // Named: the page reads its rows through PageData, which does not see the inferred type.
  const incidents: LoadedPages<Incident> = await loadPages(
    fetch,
    INCIDENTS,
    { filter: view.closed ? {} : { statuses: ['OPEN', 'IN_PROGRESS'] } },
    (data) => data.incidents,
    view.page * PAGE_SIZE,
  );
  return { view, incidents, morePages: view.page < MAX_PAGES };
};
