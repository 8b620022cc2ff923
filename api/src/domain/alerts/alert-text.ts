// An alert says what happened and what to do, in the reader's locale: stored as its kind (the
// reason code) with parameters, rendered when read. An escalation re-renders with new parameters.
import type { Locale } from '../types.ts';
import { defineCatalogue, everyLocale, message, type CodedReason, type ParamsByCode } from '../locale/catalogue.ts';
import { endSentence } from '../locale/end-sentence.ts';
import type { LocaleFormat } from '../locale/format.ts';
import { EXPERIENCE_PARAMS, countWord, listExperiences, type ExperienceParams } from '../risk/experience-phrases.ts';

export interface AlertText {
  title: string;
  message: string;
}

const LEVEL_WORDS: Record<Locale, Record<string, string>> = {
  EN: { LOW: 'low', MEDIUM: 'medium', HIGH: 'high', CRITICAL: 'critical' },
  DA: { LOW: 'lav', MEDIUM: 'mellem', HIGH: 'høj', CRITICAL: 'kritisk' },
  SV: { LOW: 'låg', MEDIUM: 'medel', HIGH: 'hög', CRITICAL: 'kritisk' },
  NB: { LOW: 'lav', MEDIUM: 'middels', HIGH: 'høy', CRITICAL: 'kritisk' },
};

/** A level or severity in words; an unknown value throws, so the generic text shows instead. */
const levelWord = (value: string, format: LocaleFormat): string => {
  const words = LEVEL_WORDS[format.locale];
  if (!Object.hasOwn(words, value)) throw new RangeError(`Unknown level ${value}`);
  return words[value];
};

/** Long customer comments would swamp the board; the alert links to the whole answer. */
const COMMENT_LENGTH = 200;
const shortened = (text: string) =>
  text.length <= COMMENT_LENGTH ? text : `${text.slice(0, COMMENT_LENGTH - 1).trimEnd()}…`;

/**
 * A churn-risk alert says the level it rose to; when the level has since changed while the alert
 * is open (CRITICAL falling to HIGH), `nowLevel` and `nowScore` make it say where it is now, so
 * the title never claims a level the customer left.
 */
const churnRisk = (
  {
    customerName: name,
    level,
    score,
    nowLevel,
    nowScore,
  }: { customerName: string; level: string; score: number; nowLevel?: string; nowScore?: number },
  format: LocaleFormat,
): AlertText => {
  const raised = levelWord(level, format);
  const moved = nowLevel !== undefined && nowScore !== undefined && nowLevel !== level;
  const word = moved ? levelWord(nowLevel, format) : raised;
  const today = (moved ? nowLevel : level) === 'CRITICAL';
  switch (format.locale) {
    case 'EN':
      return {
        title: `Churn risk ${word}: ${name}`,
        message: `${moved ? `The churn risk of ${name} is ${nowScore} of 100 (${word}) now; it rose to ${score} (${raised}) when this alert was raised.` : `The churn risk of ${name} rose to ${score} of 100 (${word}).`} Read the reasons on the customer page and reach out personally ${today ? 'today' : 'this week'}.`,
      };
    case 'DA':
      return {
        title: `Churn-risiko ${word}: ${name}`,
        message: `${moved ? `Churn-risikoen for ${name} er nu ${nowScore} af 100 (${word}); den var steget til ${score} (${raised}), da alarmen opstod.` : `Churn-risikoen for ${name} er steget til ${score} af 100 (${word}).`} Læs årsagerne på kundesiden, og tag personlig kontakt ${today ? 'i dag' : 'i denne uge'}.`,
      };
    case 'SV':
      return {
        title: `Risk för kundbortfall ${word}: ${name}`,
        message: `${moved ? `Risken att ${name} lämnar är nu ${nowScore} av 100 (${word}); den hade stigit till ${score} (${raised}) när larmet uppstod.` : `Risken att ${name} lämnar har stigit till ${score} av 100 (${word}).`} Läs orsakerna på kundsidan och ta personlig kontakt ${today ? 'i dag' : 'i veckan'}.`,
      };
    case 'NB':
      return {
        title: `Frafallsrisiko ${word}: ${name}`,
        message: `${moved ? `Risikoen for at ${name} slutter, er nå ${nowScore} av 100 (${word}); den hadde steget til ${score} (${raised}) da varselet oppstod.` : `Risikoen for at ${name} slutter, har steget til ${score} av 100 (${word}).`} Les årsakene på kundesiden, og ta personlig kontakt ${today ? 'i dag' : 'denne uken'}.`,
      };
  }
};

const twoStrikes = (
  { customerName: name, count, experiences }: { customerName: string; count: number; experiences: ExperienceParams[] },
  format: LocaleFormat,
): AlertText => {
  const list = listExperiences(experiences, format);
  const stat = format.percent(42);
  // The title counts the strikes, like the message: a third is not called two.
  const many = countWord(count, format);
  switch (format.locale) {
    case 'EN':
      return {
        title: `${many} strikes: ${name}`,
        message: `${endSentence(`${count === 2 ? 'Second bad experience' : `${many} bad experiences`} within 90 days: ${list}`)} ${stat} of customers stop buying after two bad experiences. Call ${name} today and fix what went wrong.`,
      };
    case 'DA':
      return {
        title: `${many} dårlige oplevelser: ${name}`,
        message: `${endSentence(`${count === 2 ? 'Anden dårlige oplevelse' : `${many} dårlige oplevelser`} inden for 90 dage: ${list}`)} ${stat} af kunderne holder op med at købe efter to dårlige oplevelser. Ring til ${name} i dag, og ret op på det, der gik galt.`,
      };
    case 'SV':
      return {
        title: `${many} dåliga upplevelser: ${name}`,
        message: `${endSentence(`${count === 2 ? 'Andra dåliga upplevelsen' : `${many} dåliga upplevelser`} inom 90 dagar: ${list}`)} ${stat} av kunderna slutar köpa efter två dåliga upplevelser. Ring ${name} i dag och rätta till det som gick fel.`,
      };
    case 'NB':
      return {
        title: `${many} dårlige opplevelser: ${name}`,
        message: `${endSentence(`${count === 2 ? 'Andre dårlige opplevelse' : `${many} dårlige opplevelser`} innen 90 dager: ${list}`)} ${stat} av kundene slutter å kjøpe etter to dårlige opplevelser. Ring ${name} i dag, og rett opp det som gikk galt.`,
      };
  }
};

const incident = (
  {
    customerName: name,
    incidentTitle,
    severity,
    dueAt,
  }: { customerName: string; incidentTitle: string; severity: string; dueAt: string },
  format: LocaleFormat,
): AlertText => {
  const word = levelWord(severity, format);
  const what = format.quote(incidentTitle);
  const due = format.dateTime(dueAt);
  switch (format.locale) {
    case 'EN':
      return {
        title: `Incident (${word}): ${name}`,
        message: `${what} was reported. Resolve it before ${due} (the SLA) and keep ${name} informed.`,
      };
    case 'DA':
      return {
        title: `Hændelse (${word}): ${name}`,
        message: `${what} er blevet rapporteret. Løs den inden ${due} (SLA-fristen), og hold ${name} orienteret.`,
      };
    case 'SV':
      return {
        title: `Incident (${word}): ${name}`,
        message: `${what} har rapporterats. Lös den före ${due} (SLA) och håll ${name} informerad.`,
      };
    case 'NB':
      return {
        title: `Hendelse (${word}): ${name}`,
        message: `${what} er rapportert. Løs den innen ${due} (SLA-fristen), og hold ${name} orientert.`,
      };
  }
};

const slaBreach = (
  { customerName: name, incidentTitle, dueAt }: { customerName: string; incidentTitle: string; dueAt: string },
  format: LocaleFormat,
): AlertText => {
  const what = format.quote(incidentTitle);
  const due = format.dateTime(dueAt);
  switch (format.locale) {
    case 'EN':
      return {
        title: `SLA breached: ${name}`,
        message: `${what} was due ${due} and is still open. Take it over now and tell ${name} when it will be solved.`,
      };
    case 'DA':
      return {
        title: `SLA overskredet: ${name}`,
        message: `${what} skulle have været løst ${due} og er stadig åben. Tag over nu, og fortæl ${name}, hvornår den bliver løst.`,
      };
    case 'SV':
      return {
        title: `SLA passerad: ${name}`,
        message: `${what} skulle ha lösts ${due} och är fortfarande öppen. Ta över nu och berätta för ${name} när den blir löst.`,
      };
    case 'NB':
      return {
        title: `SLA-fristen passert: ${name}`,
        message: `${what} skulle vært løst ${due} og er fortsatt åpen. Ta over nå, og fortell ${name} når den blir løst.`,
      };
  }
};

const ignored = (
  { customerName: name, days, neverContacted }: { customerName: string; days: number; neverContacted: boolean },
  format: LocaleFormat,
): AlertText => {
  const count = format.number(days);
  const stat = format.percent(68);
  switch (format.locale) {
    case 'EN':
      return {
        title: `Ignored for ${count} days: ${name}`,
        message: `${neverContacted ? `Nobody has ever talked to ${name} personally, in ${count} days as a customer.` : `Nobody has talked to ${name} personally for ${count} days.`} ${stat} of customers who leave do so because they feel ignored: call or write a personal note this week.`,
      };
    case 'DA':
      return {
        title: `Overset i ${count} dage: ${name}`,
        message: `${neverContacted ? `Ingen har nogensinde talt personligt med ${name}, i ${count} dage som kunde.` : `Ingen har talt personligt med ${name} i ${count} dage.`} ${stat} af de kunder, der forsvinder, gør det, fordi de føler sig overset: ring eller skriv en personlig hilsen i denne uge.`,
      };
    case 'SV':
      return {
        title: `Bortglömd i ${count} dagar: ${name}`,
        message: `${neverContacted ? `Ingen har någonsin pratat personligen med ${name}, på ${count} dagar som kund.` : `Ingen har pratat personligen med ${name} på ${count} dagar.`} ${stat} av kunderna som lämnar gör det för att de känner sig bortglömda: ring eller skriv en personlig hälsning i veckan.`,
      };
    case 'NB':
      return {
        title: `Oversett i ${count} dager: ${name}`,
        message: `${neverContacted ? `Ingen har noen gang snakket personlig med ${name}, på ${count} dager som kunde.` : `Ingen har snakket personlig med ${name} på ${count} dager.`} ${stat} av kundene som slutter, gjør det fordi de føler seg oversett: ring eller skriv en personlig hilsen denne uken.`,
      };
  }
};

const detractor = (
  { customerName: name, score, comment }: { customerName: string; score: number; comment?: string },
  format: LocaleFormat,
): AlertText => {
  const quoted = comment?.trim() ? format.quote(endSentence(shortened(comment.trim()))) : null;
  switch (format.locale) {
    case 'EN':
      return {
        title: `Detractor: ${name}`,
        message: `${name} answered ${score} on NPS.${quoted ? ` Comment: ${quoted}` : ''} Call to hear what went wrong, and put it right.`,
      };
    case 'DA':
      return {
        title: `Kritiker: ${name}`,
        message: `${name} svarede ${score} i NPS.${quoted ? ` Kommentar: ${quoted}` : ''} Ring og hør, hvad der gik galt, og ret op på det.`,
      };
    case 'SV':
      return {
        title: `Kritiker: ${name}`,
        message: `${name} svarade ${score} i NPS.${quoted ? ` Kommentar: ${quoted}` : ''} Ring och hör vad som gick fel, och rätta till det.`,
      };
    case 'NB':
      return {
        title: `Kritiker: ${name}`,
        message: `${name} svarte ${score} på NPS.${quoted ? ` Kommentar: ${quoted}` : ''} Ring og hør hva som gikk galt, og rett det opp.`,
      };
  }
};

const staffConcern = (
  { customerName: name, by, note }: { customerName: string; by: string; note: string },
  format: LocaleFormat,
): AlertText => {
  const quoted = format.quote(endSentence(shortened(note.trim())));
  switch (format.locale) {
    case 'EN':
      return {
        title: `Staff concern: ${name}`,
        message: `${by} is worried about ${name}: ${quoted} Talk to ${by}, then reach out to the customer.`,
      };
    case 'DA':
      return {
        title: `Bekymring fra en medarbejder: ${name}`,
        message: `${by} er bekymret for ${name}: ${quoted} Tal med ${by}, og tag så kontakt til kunden.`,
      };
    case 'SV':
      return {
        title: `Oro från en medarbetare: ${name}`,
        message: `${by} är orolig för ${name}: ${quoted} Prata med ${by} och kontakta sedan kunden.`,
      };
    case 'NB':
      return {
        title: `Bekymring fra en medarbeider: ${name}`,
        message: `${by} er bekymret for ${name}: ${quoted} Snakk med ${by}, og ta så kontakt med kunden.`,
      };
  }
};

export const alertTexts = defineCatalogue(
  {
    CHURN_RISK: message(
      { customerName: 'string', level: 'string', score: 'int', nowLevel: 'string?', nowScore: 'int?' },
      everyLocale(churnRisk),
    ),
    TWO_STRIKES: message(
      { customerName: 'string', count: 'int', experiences: EXPERIENCE_PARAMS },
      everyLocale(twoStrikes),
    ),
    INCIDENT: message(
      { customerName: 'string', incidentTitle: 'string', severity: 'string', dueAt: 'date' },
      everyLocale(incident),
    ),
    SLA_BREACH: message({ customerName: 'string', incidentTitle: 'string', dueAt: 'date' }, everyLocale(slaBreach)),
    IGNORED: message({ customerName: 'string', days: 'int', neverContacted: 'boolean' }, everyLocale(ignored)),
    DETRACTOR: message({ customerName: 'string', score: 'int', comment: 'string?' }, everyLocale(detractor)),
    STAFF_CONCERN: message({ customerName: 'string', by: 'string', note: 'string' }, everyLocale(staffConcern)),
  },
  {
    EN: { title: 'Alert', message: 'Open the customer page to see what happened.' },
    DA: { title: 'Advarsel', message: 'Åbn kundesiden for at se, hvad der er sket.' },
    SV: { title: 'Varning', message: 'Öppna kundsidan för att se vad som har hänt.' },
    NB: { title: 'Varsel', message: 'Åpne kundesiden for å se hva som har skjedd.' },
  },
);

/** What an alert stores: its kind as the reason code, with these parameters. */
export type AlertReason = CodedReason<typeof alertTexts.definitions>;
export type AlertParams = ParamsByCode<typeof alertTexts.definitions>;

/**
 * An alert's title and message for its stored reason, in the reader's locale; `timeZone` is the
 * reader's IANA zone for the times in the text, UTC (and said so) when left out.
 */
export function renderAlert(code: string, params: unknown, locale: Locale, timeZone?: string): AlertText {
  return alertTexts.render(code, params, locale, timeZone);
}
