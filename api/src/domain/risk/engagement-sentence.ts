// Engagement's parts explain themselves like risk factors: a code with parameters, read in the
// reader's locale.
import type { Locale } from '../types.ts';
import { defineCatalogue, everyLocale, message, type CodedReason } from '../locale/catalogue.ts';
import type { PluralForms } from '../locale/format.ts';
import { inTheLastDays } from '../locale/in-the-last-days.ts';

const AT_ITS_MAXIMUM: Record<Locale, string> = {
  EN: ', the most this part can add',
  DA: ', det meste denne del kan give',
  SV: ', det mesta den här delen kan ge',
  NB: ', det meste denne delen kan gi',
};

const partParams = { count: 'int', points: 'int', capped: 'boolean' } as const;

/** "3 contacts from the customer in the last 90 days: +24." */
const part = (nouns: Record<Locale, PluralForms>) =>
  message(
    partParams,
    everyLocale(
      ({ count, points, capped }, format) =>
        `${format.number(count)} ${format.plural(count, nouns[format.locale])} ${inTheLastDays(90, format)}: ${format.signed(points)}${capped ? AT_ITS_MAXIMUM[format.locale] : ''}.`,
    ),
  );

export const engagementSentences = defineCatalogue(
  {
    INBOUND_INTERACTIONS: part({
      EN: { one: 'contact from the customer', other: 'contacts from the customer' },
      DA: { one: 'henvendelse fra kunden', other: 'henvendelser fra kunden' },
      SV: { one: 'kontakt från kunden', other: 'kontakter från kunden' },
      NB: { one: 'henvendelse fra kunden', other: 'henvendelser fra kunden' },
    }),
    PURCHASES: part({
      EN: { one: 'purchase', other: 'purchases' },
      DA: { one: 'køb', other: 'køb' },
      SV: { one: 'köp', other: 'köp' },
      NB: { one: 'kjøp', other: 'kjøp' },
    }),
    FEEDBACK: part({
      EN: { one: 'feedback answer', other: 'feedback answers' },
      DA: { one: 'svar på en undersøgelse', other: 'svar på undersøgelser' },
      SV: { one: 'enkätsvar', other: 'enkätsvar' },
      NB: { one: 'svar på en undersøkelse', other: 'svar på undersøkelser' },
    }),
    REDEMPTIONS: part({
      EN: { one: 'reward redeemed', other: 'rewards redeemed' },
      DA: { one: 'indløst belønning', other: 'indløste belønninger' },
      SV: { one: 'inlöst belöning', other: 'inlösta belöningar' },
      NB: { one: 'innløst belønning', other: 'innløste belønninger' },
    }),
  },
  {
    EN: 'A part of the engagement score.',
    DA: 'En del af engagementsscoren.',
    SV: 'En del av engagemangspoängen.',
    NB: 'En del av engasjementsscoren.',
  },
);

export type EngagementPartReason = CodedReason<typeof engagementSentences.definitions>;

/** The explanation of a stored engagement part, in the reader's locale. */
export function renderEngagementPart(code: string, params: unknown, locale: Locale): string {
  return engagementSentences.render(code, params, locale);
}
