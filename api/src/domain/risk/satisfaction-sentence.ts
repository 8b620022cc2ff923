// Satisfaction's parts explain themselves: how many signals of a kind, what they average on the
// 0–100 scale, and what share of the weight they carry (recent signals weigh more).
import type { Locale } from '../types.ts';
import { defineCatalogue, everyLocale, message, type CodedReason } from '../locale/catalogue.ts';
import type { LocaleFormat, PluralForms } from '../locale/format.ts';
import { inTheLastDays } from '../locale/in-the-last-days.ts';

const OF_100: Record<Locale, string> = { EN: 'of 100', DA: 'af 100', SV: 'av 100', NB: 'av 100' };
const ON_AVERAGE: Record<Locale, string> = { EN: 'on average', DA: 'i gennemsnit', SV: 'i snitt', NB: 'i snitt' };
const OF_THE_WEIGHT: Record<Locale, string> = {
  EN: 'of the weight',
  DA: 'af vægten',
  SV: 'av vikten',
  NB: 'av vekten',
};

const partParams = { count: 'int', average: 'int', share: 'int' } as const;

const share = (value: number, format: LocaleFormat) => `${format.percent(value)} ${OF_THE_WEIGHT[format.locale]}`;

/** "2 NPS answers in the last 365 days: 70 of 100 on average, 60% of the weight." */
const answers = (nouns: Record<Locale, PluralForms>) =>
  message(
    partParams,
    everyLocale(({ count, average, share: weight }, format) => {
      const { locale } = format;
      return `${format.number(count)} ${format.plural(count, nouns[locale])} ${inTheLastDays(365, format)}: ${average} ${OF_100[locale]} ${ON_AVERAGE[locale]}, ${share(weight, format)}.`;
    }),
  );

/** "1 incident resolved to the customer's satisfaction (100 of 100), 40% of the weight." */
const incidents = (nouns: Record<Locale, PluralForms>, value: number) =>
  message(
    partParams,
    everyLocale(({ count, share: weight }, format) => {
      const { locale } = format;
      return `${format.number(count)} ${format.plural(count, nouns[locale])} (${value} ${OF_100[locale]}), ${share(weight, format)}.`;
    }),
  );

export const satisfactionSentences = defineCatalogue(
  {
    NPS: answers({
      EN: { one: 'NPS answer', other: 'NPS answers' },
      DA: { one: 'NPS-svar', other: 'NPS-svar' },
      SV: { one: 'NPS-svar', other: 'NPS-svar' },
      NB: { one: 'NPS-svar', other: 'NPS-svar' },
    }),
    CSAT: answers({
      EN: { one: 'CSAT answer', other: 'CSAT answers' },
      DA: { one: 'CSAT-svar', other: 'CSAT-svar' },
      SV: { one: 'CSAT-svar', other: 'CSAT-svar' },
      NB: { one: 'CSAT-svar', other: 'CSAT-svar' },
    }),
    RESOLVED_SATISFIED: incidents(
      {
        EN: {
          one: 'incident resolved to the customer’s satisfaction',
          other: 'incidents resolved to the customer’s satisfaction',
        },
        DA: { one: 'hændelse løst til kundens tilfredshed', other: 'hændelser løst til kundens tilfredshed' },
        SV: { one: 'incident löst till kundens belåtenhet', other: 'incidenter lösta till kundens belåtenhet' },
        NB: { one: 'hendelse løst til kundens tilfredshet', other: 'hendelser løst til kundens tilfredshet' },
      },
      100,
    ),
    RESOLVED_UNSATISFIED: incidents(
      {
        EN: {
          one: 'incident resolved without satisfying the customer',
          other: 'incidents resolved without satisfying the customer',
        },
        DA: { one: 'hændelse løst uden at kunden blev tilfreds', other: 'hændelser løst uden at kunden blev tilfreds' },
        SV: { one: 'incident löst utan att kunden blev nöjd', other: 'incidenter lösta utan att kunden blev nöjd' },
        NB: { one: 'hendelse løst uten at kunden ble fornøyd', other: 'hendelser løst uten at kunden ble fornøyd' },
      },
      0,
    ),
    NO_SIGNALS: message(
      {},
      {
        EN: (_params, f) => `No NPS or CSAT answers and no resolved incidents ${inTheLastDays(365, f)}: 50, unknown.`,
        DA: (_params, f) => `Ingen NPS- eller CSAT-svar og ingen løste hændelser ${inTheLastDays(365, f)}: 50, ukendt.`,
        SV: (_params, f) => `Inga NPS- eller CSAT-svar och inga lösta incidenter ${inTheLastDays(365, f)}: 50, okänt.`,
        NB: (_params, f) => `Ingen NPS- eller CSAT-svar og ingen løste hendelser ${inTheLastDays(365, f)}: 50, ukjent.`,
      },
    ),
  },
  {
    EN: 'A part of the satisfaction score.',
    DA: 'En del af tilfredshedsscoren.',
    SV: 'En del av nöjdhetspoängen.',
    NB: 'En del av tilfredshetsscoren.',
  },
);

export type SatisfactionPartReason = CodedReason<typeof satisfactionSentences.definitions>;

/** The explanation of a stored satisfaction part, in the reader's locale. */
export function renderSatisfactionPart(code: string, params: unknown, locale: Locale): string {
  return satisfactionSentences.render(code, params, locale);
}
