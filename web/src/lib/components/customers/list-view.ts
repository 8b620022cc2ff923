// The customer list's view lives in its address (?q=…&risk=…&tier=…&sort=…&page=…), so reload,
// Back and a shared link show the same customers. Anything unknown in it is ignored.
import { RISK_LEVELS, TIERS, type CustomerOrderBy, type RiskLevel, type Tier } from '$lib/graphql/types';

export const CUSTOMER_SORTS: CustomerOrderBy[] = ['RISK_DESC', 'NAME_ASC', 'CREATED_DESC', 'LAST_PERSONAL_CONTACT_ASC'];
/** Pages shown at most at once: "Show more" past this would load too much in one go. */
export const MAX_PAGES = 20;

export interface CustomerListView {
  q: string;
  risk: RiskLevel | '';
  tier: Tier | '';
  sort: CustomerOrderBy;
  /** How many pages of the list are shown, from the first. */
  page: number;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | '' =>
  values.includes(value as T) ? (value as T) : '';

export function readCustomerListView(params: URLSearchParams): CustomerListView {
  const page = Number(params.get('page'));
  return {
    q: (params.get('q') ?? '').trim(),
    risk: oneOf(RISK_LEVELS, params.get('risk')),
    tier: oneOf(TIERS, params.get('tier')),
    sort: oneOf(CUSTOMER_SORTS, params.get('sort')) || 'RISK_DESC',
    page: Number.isInteger(page) && page > 1 ? Math.min(page, MAX_PAGES) : 1,
  };
}

/** The address's query for a view: defaults are left out, so the plain list is plain `/customers`. */
export function customerListSearch(view: CustomerListView): string {
  const params = new URLSearchParams();
  if (view.q) params.set('q', view.q);
  if (view.risk) params.set('risk', view.risk);
  if (view.tier) params.set('tier', view.tier);
  if (view.sort !== 'RISK_DESC') params.set('sort', view.sort);
  if (view.page > 1) params.set('page', String(view.page));
  return params.size > 0 ? `?${params}` : '';
}
