import { describe, expect, test } from 'vitest';
import type { ServiceChain, TeamPulse } from '$lib/graphql/types';
import { chainMonths, latestShown } from './chain';

const pulse = (opensAt: string, shown: boolean, enps: number | null): TeamPulse => ({
  team: { id: 'north' },
  round: { id: opensAt, opensAt, status: 'CLOSED' },
  answers: shown ? 6 : 3,
  shown,
  enps,
  questions: [],
  comments: [],
});
const chain: ServiceChain = {
  months: 2,
  correlation: null,
  explanation: '',
  teams: [
    {
      team: { id: 'north', name: 'Nord' },
      customers: 4,
      riskDistribution: [],
      nps: 20,
      ignoredCustomers: 0,
      slaBreaches: 1,
      recoveries: 0,
      byMonth: [
        { month: '2026-10-01T00:00:00.000Z', nps: 10, slaBreaches: 1, recoveries: 0 },
        { month: '2026-11-01T00:00:00.000Z', nps: 30, slaBreaches: 0, recoveries: 0 },
      ],
    },
  ],
  pulse: [pulse('2026-10-01T03:00:00.000Z', true, 40), pulse('2026-11-01T03:00:00.000Z', false, null)],
};

describe("a team's chain", () => {
  test('puts each month’s round beside the customers of that month', () => {
    expect(chainMonths(chain, 'north').map((month) => [month.nps, month.pulse?.enps ?? null])).toEqual([
      [10, 40],
      [30, null],
    ]);
  });

  test('reads questions and comments from the latest round that shows figures', () => {
    expect(latestShown(chain, 'north')?.round.opensAt).toBe('2026-10-01T03:00:00.000Z');
  });
});
