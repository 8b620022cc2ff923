import type { LocaleFormat } from './format.ts';

/** "in the last 90 days" · "de seneste 90 dage" · "under de senaste 90 dagarna" · "de siste 90 dagene" */
export function inTheLastDays(days: number, format: LocaleFormat): string {
  const count = format.number(days);
  switch (format.locale) {
    case 'EN':
      return `in the last ${count} days`;
    case 'DA':
      return `de seneste ${count} dage`;
    case 'SV':
      return `under de senaste ${count} dagarna`;
    case 'NB':
      return `de siste ${count} dagene`;
  }
}
