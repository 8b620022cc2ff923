import type { PageLoad } from './$types';
import { CUSTOMERS } from '$lib/graphql/documents';
import { loadPages, type LoadedPages } from '$lib/graphql/load-pages';
import type { CustomerListItem } from '$lib/graphql/types';
import { readCustomerListView } from '$lib/components/customers/list-view';

/** Customers a page; "Show more" adds a page to the address. */
const PAGE_SIZE = 50;

// Loaded in the browser, like the rest of the dashboard: its requests go through the same /graphql
// the live parts use, and a sign-in-only page gains nothing from a server render.
export const ssr = false;

export const load: PageLoad = async ({ url, fetch, depends }) => {
  depends('app:customers');
  const view = readCustomerListView(url.searchParams);
  // Named: the page reads its rows through PageData, which does not see the inferred type.
  const customers: LoadedPages<CustomerListItem> = await loadPages(
    fetch,
    CUSTOMERS,
    {
      orderBy: view.sort,
      filter: {
        search: view.q || undefined,
        riskLevels: view.risk ? [view.risk] : undefined,
        tiers: view.tier ? [view.tier] : undefined,
      },
    },
    (data) => data.customers,
    view.page * PAGE_SIZE,
  );
  return { view, customers };
};
