// Each churn-risk factor explains itself: stored as a code with parameters, read in the reader's
// locale. Dates come from the parameters, never from "now", so a stored factor reads the same
// whenever it is read (IGNORED's `days` are as of the computation).
import type { Locale } from '../types.ts';
import { defineCatalogue, everyLocale, message, type CodedReason, type ParamsByCode } from '../locale/catalogue.ts';
import type { LocaleFormat } from '../locale/format.ts';
import { endSentence } from '../locale/end-sentence.ts';
import { inTheLastDays } from '../locale/in-the-last-days.ts';
import { EXPERIENCE_PARAMS, badExperiencesSentence, type ExperienceParams } from './experience-phrases.ts';

const experiencesParams = { count: 'int', experiences: EXPERIENCE_PARAMS } as const;
const npsParams = { score: 'int', answeredAt: 'date' } as const;

type NpsVerdict = Record<Locale, string>;

const npsSentence =
  (verdict: NpsVerdict) =>
  ({ score, answeredAt }: { score: number; answeredAt: string }, format: LocaleFormat): string => {
    const on = format.date(answeredAt);
    switch (format.locale) {
      case 'EN':
        return `The latest NPS answer, on ${on}, was ${score}: ${verdict.EN}.`;
      case 'DA':
        return `Seneste NPS-svar, den ${on}, var ${score}: ${verdict.DA}.`;
      case 'SV':
        return `Senaste NPS-svaret, den ${on}, var ${score}: ${verdict.SV}.`;
      case 'NB':
        return `Siste NPS-svar, den ${on}, var ${score}: ${verdict.NB}.`;
    }
  };

const experiencesSentence = everyLocale(
  ({ count, experiences }: { count: number; experiences: ExperienceParams[] }, format: LocaleFormat) =>
    badExperiencesSentence(count, experiences, format),
);

export const riskFactorSentences = defineCatalogue(
  {
    TWO_STRIKES: message(experiencesParams, experiencesSentence),
    BAD_EXPERIENCE: message(experiencesParams, experiencesSentence),
    UNRESOLVED_INCIDENT: message(
      { count: 'int' },
      {
        EN: ({ count }, f) =>
          count === 1 ? '1 incident is still open.' : `${f.number(count)} incidents are still open.`,
        DA: ({ count }, f) =>
          count === 1 ? '1 hændelse er stadig åben.' : `${f.number(count)} hændelser er stadig åbne.`,
        SV: ({ count }, f) =>
          count === 1 ? '1 incident är fortfarande öppen.' : `${f.number(count)} incidenter är fortfarande öppna.`,
        NB: ({ count }, f) =>
          count === 1 ? '1 hendelse er fortsatt åpen.' : `${f.number(count)} hendelser er fortsatt åpne.`,
      },
    ),
    SLA_BREACHED: message(
      { count: 'int', firstDueAt: 'date' },
      {
        EN: ({ count, firstDueAt }, f) =>
          count === 1
            ? `An open incident is past its SLA: it was due ${f.dateTime(firstDueAt)}.`
            : `${f.number(count)} open incidents are past their SLA; the first was due ${f.dateTime(firstDueAt)}.`,
        DA: ({ count, firstDueAt }, f) =>
          count === 1
            ? `En åben hændelse har overskredet sin SLA: den skulle være løst ${f.dateTime(firstDueAt)}.`
            : `${f.number(count)} åbne hændelser har overskredet deres SLA; den første skulle være løst ${f.dateTime(firstDueAt)}.`,
        SV: ({ count, firstDueAt }, f) =>
          count === 1
            ? `En öppen incident har passerat sin SLA: den skulle vara löst ${f.dateTime(firstDueAt)}.`
            : `${f.number(count)} öppna incidenter har passerat sin SLA; den första skulle vara löst ${f.dateTime(firstDueAt)}.`,
        NB: ({ count, firstDueAt }, f) =>
          count === 1
            ? `En åpen hendelse har passert SLA-fristen: den skulle vært løst ${f.dateTime(firstDueAt)}.`
            : `${f.number(count)} åpne hendelser har passert SLA-fristen; den første skulle vært løst ${f.dateTime(firstDueAt)}.`,
      },
    ),
    IGNORED: message(
      { days: 'int', since: 'date', neverContacted: 'boolean' },
      {
        EN: ({ days, neverContacted }, f) =>
          neverContacted
            ? `Never contacted personally, in ${f.number(days)} days as a customer.`
            : `No personal contact for ${f.number(days)} days.`,
        DA: ({ days, neverContacted }, f) =>
          neverContacted
            ? `Aldrig kontaktet personligt, i ${f.number(days)} dage som kunde.`
            : `Ingen personlig kontakt i ${f.number(days)} dage.`,
        SV: ({ days, neverContacted }, f) =>
          neverContacted
            ? `Aldrig kontaktad personligen, på ${f.number(days)} dagar som kund.`
            : `Ingen personlig kontakt på ${f.number(days)} dagar.`,
        NB: ({ days, neverContacted }, f) =>
          neverContacted
            ? `Aldri kontaktet personlig, på ${f.number(days)} dager som kunde.`
            : `Ingen personlig kontakt på ${f.number(days)} dager.`,
      },
    ),
    DETRACTOR: message(
      npsParams,
      everyLocale(npsSentence({ EN: 'a detractor', DA: 'en kritiker', SV: 'en kritiker', NB: 'en kritiker' })),
    ),
    PASSIVE: message(npsParams, everyLocale(npsSentence({ EN: 'passive', DA: 'passiv', SV: 'passiv', NB: 'passiv' }))),
    PROMOTER: message(
      npsParams,
      everyLocale(npsSentence({ EN: 'a promoter', DA: 'en ambassadør', SV: 'en ambassadör', NB: 'en ambassadør' })),
    ),
    ENGAGEMENT_DROP: message(
      { recent: 'int', previous: 'int' },
      {
        EN: ({ recent, previous }, f) =>
          `Purchases and contacts fell to ${f.number(recent)} ${inTheLastDays(90, f)}, from ${f.number(previous)} in the 90 days before.`,
        DA: ({ recent, previous }, f) =>
          `Køb og kontakter faldt til ${f.number(recent)} ${inTheLastDays(90, f)}, fra ${f.number(previous)} i de 90 dage før.`,
        SV: ({ recent, previous }, f) =>
          `Köp och kontakter minskade till ${f.number(recent)} ${inTheLastDays(90, f)}, från ${f.number(previous)} under de 90 dagarna innan.`,
        NB: ({ recent, previous }, f) =>
          `Kjøp og kontakter falt til ${f.number(recent)} ${inTheLastDays(90, f)}, fra ${f.number(previous)} i de 90 dagene før.`,
      },
    ),
    RECOVERED: message(
      { count: 'int', lastAt: 'date' },
      {
        EN: ({ count, lastAt }, f) =>
          count === 1
            ? `An incident was resolved to the customer’s satisfaction on ${f.date(lastAt)}.`
            : `${f.number(count)} incidents were resolved to the customer’s satisfaction ${inTheLastDays(90, f)}, most recently on ${f.date(lastAt)}.`,
        DA: ({ count, lastAt }, f) =>
          count === 1
            ? `En hændelse blev løst til kundens tilfredshed den ${f.date(lastAt)}.`
            : `${f.number(count)} hændelser blev løst til kundens tilfredshed ${inTheLastDays(90, f)}, senest den ${f.date(lastAt)}.`,
        SV: ({ count, lastAt }, f) =>
          count === 1
            ? `En incident löstes till kundens belåtenhet den ${f.date(lastAt)}.`
            : `${f.number(count)} incidenter löstes till kundens belåtenhet ${inTheLastDays(90, f)}, senast den ${f.date(lastAt)}.`,
        NB: ({ count, lastAt }, f) =>
          count === 1
            ? `En hendelse ble løst til kundens tilfredshet den ${f.date(lastAt)}.`
            : `${f.number(count)} hendelser ble løst til kundens tilfredshet ${inTheLastDays(90, f)}, sist den ${f.date(lastAt)}.`,
      },
    ),
    STAFF_CONCERN: message(
      { count: 'int', by: 'string', note: 'string', flaggedAt: 'date' },
      {
        EN: ({ count, by, note, flaggedAt }, f) =>
          `${by} flagged a concern on ${f.date(flaggedAt)}${count > 1 ? ` (${f.number(count)} concerns in the last 30 days)` : ''}: ${f.quote(endSentence(note))}`,
        DA: ({ count, by, note, flaggedAt }, f) =>
          `${by} meldte en bekymring den ${f.date(flaggedAt)}${count > 1 ? ` (${f.number(count)} bekymringer de seneste 30 dage)` : ''}: ${f.quote(endSentence(note))}`,
        SV: ({ count, by, note, flaggedAt }, f) =>
          `${by} flaggade en oro den ${f.date(flaggedAt)}${count > 1 ? ` (${f.number(count)} farhågor de senaste 30 dagarna)` : ''}: ${f.quote(endSentence(note))}`,
        NB: ({ count, by, note, flaggedAt }, f) =>
          `${by} meldte en bekymring den ${f.date(flaggedAt)}${count > 1 ? ` (${f.number(count)} bekymringer de siste 30 dagene)` : ''}: ${f.quote(endSentence(note))}`,
      },
    ),
  },
  {
    EN: 'A factor of the churn-risk model.',
    DA: 'En faktor i modellen for churn-risiko.',
    SV: 'En faktor i modellen för kundbortfall.',
    NB: 'En faktor i modellen for kundefrafall.',
  },
);

export type RiskFactorReason = CodedReason<typeof riskFactorSentences.definitions>;
export type RiskFactorCode = RiskFactorReason['code'];
export type RiskFactorParams = ParamsByCode<typeof riskFactorSentences.definitions>;

/** The explanation of a stored risk factor, in the reader's locale. */
export function renderRiskFactor(code: string, params: unknown, locale: Locale): string {
  return riskFactorSentences.render(code, params, locale);
}
