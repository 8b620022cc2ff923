import { describe, expect, it } from 'vitest';
import type { Locale } from '../types.ts';
import type { TierProgress } from './tier-progress.ts';
import { tierProgressSentence } from './tier-progress-sentence.ts';

const silver: TierProgress = {
  tier: 'SILVER',
  pointsEarned12Months: 1200,
  nextTier: 'GOLD',
  pointsToNextTier: 3800,
  keepTierBy: new Date('2027-03-03T09:00:00.000Z'),
  pointsToKeepTier: 200,
};
const bronze: TierProgress = {
  tier: 'BRONZE',
  pointsEarned12Months: 320,
  nextTier: 'SILVER',
  pointsToNextTier: 680,
  keepTierBy: null,
  pointsToKeepTier: null,
};
const gold: TierProgress = {
  tier: 'GOLD',
  pointsEarned12Months: 5500,
  nextTier: null,
  pointsToNextTier: null,
  keepTierBy: new Date('2026-09-01T00:00:00.000Z'),
  pointsToKeepTier: 2500,
};

describe('tier progress in the customer’s words', () => {
  it.each<[Locale, TierProgress, string]>([
    ['EN', bronze, '320 of 1,000 points to Silver.'],
    ['DA', bronze, '320 af 1.000 point til Sølv.'],
    ['SV', bronze, '320 av 1 000 poäng till Silver.'],
    ['NB', bronze, '320 av 1 000 poeng til Sølv.'],
    ['EN', silver, '1,200 of 5,000 points to Gold. Earn 200 points more before 3 Mar 2027 to stay Silver.'],
    ['DA', silver, '1.200 af 5.000 point til Guld. Optjen 200 point mere før 3. mar. 2027 for at forblive Sølv.'],
    ['SV', silver, '1 200 av 5 000 poäng till Guld. Tjäna 200 poäng till före 3 mars 2027 för att förbli Silver.'],
    ['NB', silver, '1 200 av 5 000 poeng til Gull. Tjen 200 poeng til før 3. mars 2027 for å forbli Sølv.'],
    [
      'EN',
      gold,
      'You are Gold, our highest tier, with 5,500 points in the last 12 months. Earn 2,500 points more before 1 Sept 2026 to stay Gold.',
    ],
    [
      'DA',
      gold,
      'Du er Guld, vores højeste niveau, med 5.500 point de seneste 12 måneder. Optjen 2.500 point mere før 1. sep. 2026 for at forblive Guld.',
    ],
  ])('%s: %j', (locale, progress, expected) => {
    expect(tierProgressSentence(progress, locale)).toBe(expected);
  });
});
