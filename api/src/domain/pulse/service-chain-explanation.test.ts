import { describe, expect, it } from 'vitest';
import { serviceChainExplanation } from './service-chain-explanation.ts';

describe('the service chain in words', () => {
  it('says the number, the count of teams and that it is a correlation, not a proof (en)', () => {
    expect(serviceChainExplanation({ correlation: -1, teams: 4, months: 6 }, 'EN')).toBe(
      'Across 4 teams over the last 6 months, a team’s staff eNPS and its customers’ NPS moved strongly in opposite directions: correlation -1 (from −1, opposite, to 1, together). This is a correlation, not a proof: it does not show that one causes the other, and with few teams one team can change it.',
    );
  });

  it('says it in Danish', () => {
    expect(serviceChainExplanation({ correlation: 0.5123, teams: 3, months: 6 }, 'DA')).toBe(
      'På tværs af 3 teams de seneste 6 måneder gælder det, at et teams medarbejder-eNPS og dets kunders NPS fulgtes noget ad: korrelation 0,51 (fra −1, modsat, til 1, sammen). Det er en sammenhæng, ikke et bevis: det viser ikke, at det ene skyldes det andet, og med få teams kan ét team ændre tallet.',
    );
  });

  it('with too few teams says how many there are and how many are needed', () => {
    expect(serviceChainExplanation({ correlation: null, teams: 1, months: 6 }, 'EN')).toBe(
      'Over the last 6 months, 1 team has both a shown staff pulse and customers who answered NPS; at least 3 are needed to say how the two move together. Even then it is a correlation, not a proof.',
    );
  });

  it.each(['SV', 'NB'] as const)('is written in %s too', (locale) => {
    expect(serviceChainExplanation({ correlation: 0.9, teams: 5, months: 6 }, locale)).toMatch(/5 team .* 0,9/);
  });
});
