// One team's chain, month by month: its pulse (the latest round opened that month) beside its
// customers' outcomes in the same month.
import type { ServiceChain, TeamPulse } from '$lib/graphql/types';

export interface ChainMonth {
  month: string;
  pulse: TeamPulse | null;
  nps: number | null;
  slaBreaches: number;
  recoveries: number;
}

const monthOf = (moment: string) => moment.slice(0, 7);

export function chainMonths(chain: ServiceChain, teamId: string): ChainMonth[] {
  const team = chain.teams.find((outcomes) => outcomes.team.id === teamId);
  if (!team) return [];
  const pulses = chain.pulse.filter((pulse) => pulse.team.id === teamId);
  return team.byMonth.map((month) => ({
    ...month,
    pulse:
      pulses
        .filter((pulse) => monthOf(pulse.round.opensAt) === monthOf(month.month))
        .sort((a, b) => b.round.opensAt.localeCompare(a.round.opensAt))[0] ?? null,
  }));
}

/** The team's latest round that shows figures: its questions and comments are the ones to read. */
export function latestShown(chain: ServiceChain, teamId: string): TeamPulse | null {
  return (
    chain.pulse
      .filter((pulse) => pulse.team.id === teamId && pulse.shown)
      .sort((a, b) => b.round.opensAt.localeCompare(a.round.opensAt))[0] ?? null
  );
}
