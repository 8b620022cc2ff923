// A team's pulse in one round, as anyone may read it: only from the threshold, and never two
// overlapping teams whose difference is a group smaller than the threshold (so nobody can subtract
// one team's figures from the other's to read a few people's answers).
import { netPromoterScore } from '../feedback/nps.ts';
import { PULSE_QUESTION_COUNT } from './pulse-questions.ts';

/** An answer as stored: no person, the answerer's teams as they were when the round opened. */
export interface AnonymousAnswer {
  teamIds: readonly string[];
  enps: number;
  answers: readonly number[];
  comment: string | null;
}

export interface TeamPulseFigures {
  teamId: string;
  /** Shown even below the threshold: how many answered is not an answer. */
  answers: number;
  shown: boolean;
  /** null when not shown. */
  enps: number | null;
  /** The average of each 1–5 question, in order; empty when not shown. */
  questions: number[];
  /** Empty when not shown; the caller shuffles them. */
  comments: string[];
}

const without = (a: Set<number>, b: Set<number>) => [...a].filter((index) => !b.has(index)).length;

export function teamPulses(
  teamIds: readonly string[],
  answers: readonly AnonymousAnswer[],
  threshold: number,
): TeamPulseFigures[] {
  const answersOf = new Map(
    teamIds.map((teamId) => [
      teamId,
      new Set(answers.flatMap((answer, index) => (answer.teamIds.includes(teamId) ? [index] : []))),
    ]),
  );
  // Larger teams first: when two cannot both be shown, the one that says more about more people is.
  const candidates = teamIds
    .filter((teamId) => answersOf.get(teamId)!.size >= threshold)
    .sort((a, b) => answersOf.get(b)!.size - answersOf.get(a)!.size);
  const shown = new Set<string>();
  for (const teamId of candidates) {
    const mine = answersOf.get(teamId)!;
    const revealing = [...shown].some((otherId) => {
      const theirs = answersOf.get(otherId)!;
      const overlap = [...mine].some((index) => theirs.has(index));
      const onlyMine = without(mine, theirs);
      const onlyTheirs = without(theirs, mine);
      return overlap && ((onlyMine > 0 && onlyMine < threshold) || (onlyTheirs > 0 && onlyTheirs < threshold));
    });
    if (!revealing) shown.add(teamId);
  }
  return teamIds.map((teamId) => {
    const own = [...answersOf.get(teamId)!].map((index) => answers[index]);
    if (!shown.has(teamId))
      return { teamId, answers: own.length, shown: false, enps: null, questions: [], comments: [] };
    return {
      teamId,
      answers: own.length,
      shown: true,
      enps: netPromoterScore(own.map((answer) => answer.enps)),
      questions: Array.from(
        { length: PULSE_QUESTION_COUNT },
        (_, question) => own.reduce((sum, answer) => sum + answer.answers[question], 0) / own.length,
      ),
      comments: own.flatMap((answer) => (answer.comment ? [answer.comment] : [])),
    };
  });
}
