import { describe, expect, test } from 'vitest';
import { customerListSearch, readCustomerListView } from './list-view';

describe('the customer list view in the address', () => {
  test('a plain address is the default view: every customer, highest risk first, one page', () => {
    expect(readCustomerListView(new URLSearchParams())).toEqual({
      q: '',
      risk: '',
      tier: '',
      sort: 'RISK_DESC',
      page: 1,
    });
    expect(customerListSearch(readCustomerListView(new URLSearchParams()))).toBe('');
  });

  test('search, filters, sort and page read back as written', () => {
    const search = '?q=Sykkelbud&risk=HIGH&tier=GOLD&sort=NAME_ASC&page=3';
    const view = readCustomerListView(new URLSearchParams(search));
    expect(view).toEqual({ q: 'Sykkelbud', risk: 'HIGH', tier: 'GOLD', sort: 'NAME_ASC', page: 3 });
    expect(customerListSearch(view)).toBe(search);
  });

  test('unknown values are ignored and the page count is bounded', () => {
    const view = readCustomerListView(new URLSearchParams('risk=SEVERE&tier=PLATINUM&sort=AGE&page=-2'));
    expect(view).toEqual({ q: '', risk: '', tier: '', sort: 'RISK_DESC', page: 1 });
    expect(readCustomerListView(new URLSearchParams('page=500')).page).toBe(20);
    expect(readCustomerListView(new URLSearchParams('page=2.5')).page).toBe(1);
  });
});
