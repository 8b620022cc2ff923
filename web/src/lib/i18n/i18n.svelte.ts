// The dashboard's language for the whole page tree, through Svelte context.
import { getContext, setContext } from 'svelte';
import { apiLocaleOf, type Lang } from './language';
import { CATALOGUES, translate, type MessageKey, type Params } from './translate';
import {
  API_TIME_ZONE,
  formatDate,
  formatDateTime,
  formatDayMonth,
  formatDuration,
  formatMoney,
  formatNumber,
  formatPercent,
} from './format';
import type { Messages } from './messages/en';
import { failureKey } from '$lib/graphql/errors';

export type EnumName = keyof Messages['enums'];

export class I18n {
  lang = $state<Lang>('en');
  /**
   * Where moments are shown: the browser's zone once the page runs there (the root layout sets it
   * after hydration, so the server's HTML and the first render in the browser agree).
   */
  timeZone = $state(API_TIME_ZONE);

  constructor(lang: Lang) {
    this.lang = lang;
  }

  /** For API fields that render sentences in the reader's language (`explanation(locale:)`). */
  get apiLocale() {
    return apiLocaleOf(this.lang);
  }

  t = (key: MessageKey, params?: Params): string => translate(this.lang, key, params);

  /**
   * What went wrong, for a toast or a form: the dashboard's own words when it knows the kind of
   * failure (the API unreachable, no answer), else what the API said.
   */
  failure = (failure: { kind: string; message: string }): string => {
    const key = failureKey(failure.kind);
    return key ? this.t(key) : failure.message || this.t('errors.unexpected');
  };

  /** A form's message: when the API named fields, go and fix them (each says why); else what went wrong. */
  formFailure = (failure: { kind: string; message: string; fieldErrors: Record<string, string> }): string =>
    Object.keys(failure.fieldErrors).length > 0 ? this.t('errors.fixFields') : this.failure(failure);

  /** A label for an enum value of the API: `label('AlertKind', 'TWO_STRIKES')`. */
  label = (name: EnumName, value: string): string =>
    (CATALOGUES[this.lang].enums[name] as Record<string, string>)[value] ?? value;

  /** A moment's date in the reader's time zone. */
  date = (value: string | Date) => formatDate(value, this.lang, this.timeZone);
  dateTime = (value: string | Date) => formatDateTime(value, this.lang, this.timeZone);
  /** A calendar day the API counts in (UTC), such as an NPS bucket's start. */
  day = (value: string | Date) => formatDate(value, this.lang);
  dayMonth = (value: string | Date) => formatDayMonth(value, this.lang);
  number = (value: number, fractionDigits = 0) => formatNumber(value, this.lang, fractionDigits);
  money = (amountMinor: number, currency: string) => formatMoney(amountMinor, currency, this.lang);
  percent = (share: number) => formatPercent(share, this.lang);
  duration = (milliseconds: number) => formatDuration(milliseconds, this.lang);
}

const KEY = Symbol('i18n');

export function setI18n(i18n: I18n): I18n {
  return setContext(KEY, i18n);
}

export function getI18n(): I18n {
  return getContext<I18n>(KEY);
}
