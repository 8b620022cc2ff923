import { describe, expect, it } from 'vitest';
import { teamPulses, type AnonymousAnswer } from './team-pulse.ts';

const answer = (teamIds: string[], enps: number, comment: string | null = null): AnonymousAnswer => ({
  teamIds,
  enps,
  answers: [4, 3, 5],
  comment,
});
const many = (count: number, teamIds: string[], enps = 8) => Array.from({ length: count }, () => answer(teamIds, enps));

describe("a team's pulse in a round", () => {
  it('with 4 answers under a threshold of 5 is not shown: only the count, every figure empty', () => {
    expect(teamPulses(['north'], many(4, ['north']), 5)).toEqual([
      { teamId: 'north', answers: 4, shown: false, enps: null, questions: [], comments: [] },
    ]);
  });

  it('with 5 answers is shown, the eNPS as (promoters − detractors) / answers × 100', () => {
    const answers = [
      answer(['north'], 10, 'Busy but good.'),
      answer(['north'], 9),
      answer(['north'], 8),
      answer(['north'], 3, 'Too few hands.'),
      answer(['north'], 7),
    ];
    expect(teamPulses(['north'], answers, 5)).toEqual([
      {
        teamId: 'north',
        answers: 5,
        shown: true,
        enps: 20,
        questions: [4, 3, 5],
        comments: ['Busy but good.', 'Too few hands.'],
      },
    ]);
  });

  it('averages each question over the team’s answers', () => {
    const answers = [...many(2, ['north']), { teamIds: ['north'], enps: 5, answers: [1, 1, 2], comment: null }];
    expect(teamPulses(['north'], answers, 3)[0].questions).toEqual([3, 7 / 3, 4]);
  });

  it('does not show both of two overlapping teams that differ by one person', () => {
    // "north" is "support" plus one person: north − support would be that person's answer.
    const answers = [...many(6, ['north', 'support']), answer(['north'], 0)];
    const [north, support] = teamPulses(['north', 'support'], answers, 5);
    expect([north.shown, support.shown]).toEqual([true, false]);
    expect(support).toMatchObject({ answers: 6, enps: null });
  });

  it('shows both of two overlapping teams that each have at least the threshold of their own', () => {
    const answers = [...many(5, ['north']), ...many(5, ['north', 'south']), ...many(5, ['south'])];
    expect(teamPulses(['north', 'south'], answers, 5).map((team) => team.shown)).toEqual([true, true]);
  });

  it('shows two teams of exactly the same people: there is nothing to subtract', () => {
    expect(teamPulses(['a', 'b'], many(5, ['a', 'b']), 5).map((team) => team.shown)).toEqual([true, true]);
  });

  it('a team nobody answered for shows 0 answers', () => {
    expect(teamPulses(['empty'], many(5, ['other']), 5)[0]).toMatchObject({ answers: 0, shown: false });
  });
});
