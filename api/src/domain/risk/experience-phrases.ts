// How bad experiences read in a sentence, shared by the risk factors and the TWO_STRIKES alert so
// a manager reads the same words on the customer's page and on the alert board.
import type { ExperienceCause, Locale } from '../types.ts';
import { endSentence } from '../locale/end-sentence.ts';
import type { LocaleFormat } from '../locale/format.ts';
import { inTheLastDays } from '../locale/in-the-last-days.ts';

/** The parameters of a listed experience; its date only shows day and month (all are recent). */
export const EXPERIENCE_PARAMS = [{ cause: 'string', score: 'int?', occurredAt: 'date' }] as const;

export interface ExperienceParams {
  cause: ExperienceCause | string;
  score?: number;
  occurredAt: string;
}

/** The most experiences a sentence lists; more are counted, not listed. */
export const LISTED_EXPERIENCES = 5;

/** "an incident on 2 Mar and an NPS answer of 4 on 19 Mar" */
export function listExperiences(experiences: readonly ExperienceParams[], format: LocaleFormat): string {
  return format.list(experiences.map((experience) => experiencePhrase(experience, format)));
}

function experiencePhrase({ cause, score, occurredAt }: ExperienceParams, format: LocaleFormat): string {
  const day = format.dayMonth(occurredAt);
  const scored = score !== undefined && (cause === 'NPS' || cause === 'CSAT');
  switch (format.locale) {
    case 'EN':
      if (cause === 'INCIDENT') return `an incident on ${day}`;
      return scored
        ? `${cause === 'NPS' ? 'an' : 'a'} ${cause} answer of ${score} on ${day}`
        : `a bad experience on ${day}`;
    case 'DA':
      if (cause === 'INCIDENT') return `en hændelse den ${day}`;
      return scored ? `et ${cause}-svar på ${score} den ${day}` : `en dårlig oplevelse den ${day}`;
    case 'SV':
      if (cause === 'INCIDENT') return `en incident den ${day}`;
      return scored ? `ett ${cause}-svar på ${score} den ${day}` : `en dålig upplevelse den ${day}`;
    case 'NB':
      if (cause === 'INCIDENT') return `en hendelse den ${day}`;
      return scored ? `et ${cause}-svar på ${score} den ${day}` : `en dårlig opplevelse den ${day}`;
  }
}

const COUNT_WORDS: Record<Locale, readonly string[]> = {
  EN: ['One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten'],
  DA: ['Én', 'To', 'Tre', 'Fire', 'Fem', 'Seks', 'Syv', 'Otte', 'Ni', 'Ti'],
  SV: ['En', 'Två', 'Tre', 'Fyra', 'Fem', 'Sex', 'Sju', 'Åtta', 'Nio', 'Tio'],
  NB: ['Én', 'To', 'Tre', 'Fire', 'Fem', 'Seks', 'Sju', 'Åtte', 'Ni', 'Ti'],
};

/** A count opening a sentence: "Two" up to ten, digits beyond. */
export function countWord(count: number, format: LocaleFormat): string {
  return COUNT_WORDS[format.locale][count - 1] ?? format.number(count);
}

/**
 * "Two bad experiences in the last 90 days: an incident on 2 Mar and an NPS answer of 4 on 19 Mar."
 * When more happened than are listed, the list is the most recent ones.
 */
export function badExperiencesSentence(
  count: number,
  experiences: readonly ExperienceParams[],
  format: LocaleFormat,
): string {
  const list = listExperiences(experiences, format);
  const all = experiences.length >= count;
  const counted = countWord(count, format);
  switch (format.locale) {
    case 'EN':
      return endSentence(
        `${counted} bad ${format.plural(count, { one: 'experience', other: 'experiences' })} ${inTheLastDays(90, format)}${all ? ':' : ', most recently'} ${list}`,
      );
    case 'DA':
      return endSentence(
        `${counted} ${count === 1 ? 'dårlig oplevelse' : 'dårlige oplevelser'} ${inTheLastDays(90, format)}${all ? ':' : ', senest'} ${list}`,
      );
    case 'SV':
      return endSentence(
        `${counted} ${count === 1 ? 'dålig upplevelse' : 'dåliga upplevelser'} ${inTheLastDays(90, format)}${all ? ':' : ', senast'} ${list}`,
      );
    case 'NB':
      return endSentence(
        `${counted} ${count === 1 ? 'dårlig opplevelse' : 'dårlige opplevelser'} ${inTheLastDays(90, format)}${all ? ':' : ', sist'} ${list}`,
      );
  }
}
