import type { Locale, Tier } from '../types.ts';
import { formatterFor, type LocaleFormat } from '../locale/format.ts';
import type { TierProgress } from './tier-progress.ts';

const TIER_NAMES: Record<Locale, Record<Tier, string>> = {
  EN: { BRONZE: 'Bronze', SILVER: 'Silver', GOLD: 'Gold' },
  DA: { BRONZE: 'Bronze', SILVER: 'Sølv', GOLD: 'Guld' },
  SV: { BRONZE: 'Brons', SILVER: 'Silver', GOLD: 'Guld' },
  NB: { BRONZE: 'Bronse', SILVER: 'Sølv', GOLD: 'Gull' },
};

function points(count: number, format: LocaleFormat): string {
  const word = { DA: 'point', SV: 'poäng', NB: 'poeng', EN: format.plural(count, { one: 'point', other: 'points' }) };
  return `${format.number(count)} ${word[format.locale]}`;
}

/**
 * Tier progress as the customer reads it: "320 of 1,000 points to Silver. Earn 200 more points
 * before 3 Mar 2027 to stay Silver."
 */
export function tierProgressSentence(progress: TierProgress, locale: Locale): string {
  const format = formatterFor(locale);
  const names = TIER_NAMES[format.locale];
  const tier = names[progress.tier];
  const earned = progress.pointsEarned12Months;
  const sentences: string[] = [];
  if (progress.nextTier && progress.pointsToNextTier !== null) {
    const goal = earned + progress.pointsToNextTier;
    const next = names[progress.nextTier];
    sentences.push(
      {
        EN: `${format.number(earned)} of ${points(goal, format)} to ${next}.`,
        DA: `${format.number(earned)} af ${points(goal, format)} til ${next}.`,
        SV: `${format.number(earned)} av ${points(goal, format)} till ${next}.`,
        NB: `${format.number(earned)} av ${points(goal, format)} til ${next}.`,
      }[format.locale],
    );
  } else {
    sentences.push(
      {
        EN: `You are ${tier}, our highest tier, with ${points(earned, format)} in the last 12 months.`,
        DA: `Du er ${tier}, vores højeste niveau, med ${points(earned, format)} de seneste 12 måneder.`,
        SV: `Du är ${tier}, vår högsta nivå, med ${points(earned, format)} de senaste 12 månaderna.`,
        NB: `Du er ${tier}, vårt høyeste nivå, med ${points(earned, format)} de siste 12 månedene.`,
      }[format.locale],
    );
  }
  if (progress.keepTierBy && progress.pointsToKeepTier !== null) {
    const more = points(progress.pointsToKeepTier, format);
    const by = format.date(progress.keepTierBy);
    sentences.push(
      {
        EN: `Earn ${more} more before ${by} to stay ${tier}.`,
        DA: `Optjen ${more} mere før ${by} for at forblive ${tier}.`,
        SV: `Tjäna ${more} till före ${by} för att förbli ${tier}.`,
        NB: `Tjen ${more} til før ${by} for å forbli ${tier}.`,
      }[format.locale],
    );
  }
  return sentences.join(' ');
}
