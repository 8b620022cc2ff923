// The service chain on one screen: each team's pulse over the rounds of a period beside the
// outcomes of the customers it serves (those whose account manager is a member), and across teams
// how staff eNPS and customer NPS move together.
import type { AuthenticatedCaller } from '../auth/caller.ts';
import { ValidationError } from '../domain/errors.ts';
import { netPromoterScore } from '../domain/feedback/nps.ts';
import { correlation } from '../domain/pulse/correlation.ts';
import { teamPulses, type TeamPulseFigures } from '../domain/pulse/team-pulse.ts';
import { addMonthsUtc } from '../domain/time/add-months.ts';
import { DAY_MS } from '../domain/time/duration.ts';
import type { RiskLevel } from '../domain/types.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { runtime, tenantDb } from '../runtime.ts';
import { organizationSettings } from './organization-settings.service.ts';

export const DEFAULT_CHAIN_MONTHS = 6;
const MAX_CHAIN_MONTHS = 24;
const IGNORED_DAYS = 90;
const RISK_LEVELS: RiskLevel[] = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

export interface MonthOutcomes {
  month: Date;
  nps: number | null;
  slaBreaches: number;
  recoveries: number;
}

export interface TeamOutcomes {
  teamId: string;
  customers: number;
  riskDistribution: { level: RiskLevel; count: number }[];
  nps: number | null;
  ignoredCustomers: number;
  slaBreaches: number;
  recoveries: number;
  byMonth: MonthOutcomes[];
}

export interface RoundPulse extends TeamPulseFigures {
  roundId: string;
}

const shuffled = <T>(items: T[]): T[] => {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(Math.random() * (index + 1));
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
};

const monthKey = (date: Date) => `${date.getUTCFullYear()}-${date.getUTCMonth()}`;

export async function serviceChain(caller: AuthenticatedCaller, requestedMonths: number | null | undefined) {
  const months = requestedMonths ?? DEFAULT_CHAIN_MONTHS;
  if (!Number.isInteger(months) || months < 1 || months > MAX_CHAIN_MONTHS)
    throw ValidationError.at(['months'], `Use a whole number of months from 1 to ${MAX_CHAIN_MONTHS}.`);
  const db = tenantDb(caller);
  const { organizationId } = caller;
  const now = runtime().clock.now();
  const firstMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const since = addMonthsUtc(firstMonth, -(months - 1));
  const monthStarts = Array.from({ length: months }, (_, index) => addMonthsUtc(since, index));
  const settings = await organizationSettings(caller);

  const teams = await db.team.findMany({
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    include: { members: { select: { userId: true } } },
  });
  const managers = [...new Set(teams.flatMap((team) => team.members.map((member) => member.userId)))];
  const mine = (table: string) =>
    Prisma.sql`${Prisma.raw(table)}."organizationId" = ${organizationId} AND c."organizationId" = ${organizationId} AND c."accountManagerId" = ANY(${managers}::text[])`;
  const ignoredBefore = new Date(now.getTime() - IGNORED_DAYS * DAY_MS);

  // One grouped read per kind of outcome, per account manager (and month): a customer has one
  // account manager, so a team's figures are the sums over its members.
  const [customerRows, npsRows, breachRows, recoveryRows, rounds] = await Promise.all([
    db.$queryRaw<{ manager: string; level: RiskLevel; customers: number; ignored: number }[]>(Prisma.sql`
      SELECT c."accountManagerId" AS manager, c."riskLevel"::text AS level, count(*)::int AS customers,
        count(*) FILTER (WHERE coalesce(c."lastPersonalContactAt", least(c."firstEventAt", c."createdAt")) <= ${ignoredBefore})::int AS ignored
      FROM "Customer" c WHERE ${mine('c')} GROUP BY 1, 2`),
    db.$queryRaw<{ manager: string; month: Date; scores: number[] }[]>(Prisma.sql`
      SELECT c."accountManagerId" AS manager, date_trunc('month', f."occurredAt") AS month, array_agg(f.score) AS scores
      FROM "Feedback" f
        JOIN "Survey" s ON s.id = f."surveyId" AND s."organizationId" = f."organizationId"
        JOIN "Customer" c ON c.id = f."customerId"
      WHERE ${mine('f')} AND s.kind = 'NPS' AND f.score IS NOT NULL AND f."occurredAt" >= ${since} AND f."occurredAt" <= ${now}
      GROUP BY 1, 2`),
    db.$queryRaw<{ manager: string; month: Date; count: number }[]>(Prisma.sql`
      SELECT c."accountManagerId" AS manager, date_trunc('month', i."openedAt") AS month, count(*)::int AS count
      FROM "Incident" i JOIN "Customer" c ON c.id = i."customerId"
      WHERE ${mine('i')} AND i."openedAt" >= ${since} AND coalesce(i."resolvedAt", ${now}) > i."slaDueAt"
      GROUP BY 1, 2`),
    db.$queryRaw<{ manager: string; month: Date; count: number }[]>(Prisma.sql`
      SELECT c."accountManagerId" AS manager, date_trunc('month', e."occurredAt") AS month, count(*)::int AS count
      FROM "Experience" e JOIN "Customer" c ON c.id = e."customerId"
      WHERE ${mine('e')} AND e.kind = 'RECOVERY' AND e."occurredAt" >= ${since} AND e."occurredAt" <= ${now}
      GROUP BY 1, 2`),
    db.pulseRound.findMany({
      where: { opensAt: { gte: since, lte: now } },
      orderBy: { opensAt: 'asc' },
      include: { answers: { select: { teamIds: true, enps: true, answers: true, comment: true } } },
    }),
  ]);

  const teamIds = teams.map((team) => team.id);
  // An open round shows its counts only: figures that moved with each answer would tell a watcher
  // what the last one said.
  const pulse: RoundPulse[] = rounds.flatMap((round) =>
    teamPulses(teamIds, round.answers, round.status === 'OPEN' ? Infinity : settings.pulse.threshold).map(
      (figures) => ({
        ...figures,
        roundId: round.id,
        comments: shuffled(figures.comments),
      }),
    ),
  );

  const outcomes: TeamOutcomes[] = teams.map((team) => {
    const members = new Set(team.members.map((member) => member.userId));
    const ofTeam = <T extends { manager: string }>(rows: T[]) => rows.filter((row) => members.has(row.manager));
    const customers = ofTeam(customerRows);
    const scores = ofTeam(npsRows);
    const breaches = ofTeam(breachRows);
    const recoveries = ofTeam(recoveryRows);
    const inMonth = <T extends { month: Date }>(rows: T[], month: Date) =>
      rows.filter((row) => monthKey(new Date(row.month)) === monthKey(month));
    const sum = (rows: { count: number }[]) => rows.reduce((total, row) => total + row.count, 0);
    return {
      teamId: team.id,
      customers: customers.reduce((total, row) => total + row.customers, 0),
      riskDistribution: RISK_LEVELS.map((level) => ({
        level,
        count: customers.filter((row) => row.level === level).reduce((total, row) => total + row.customers, 0),
      })),
      nps: netPromoterScore(scores.flatMap((row) => row.scores)),
      ignoredCustomers: customers.reduce((total, row) => total + row.ignored, 0),
      slaBreaches: sum(breaches),
      recoveries: sum(recoveries),
      byMonth: monthStarts.map((month) => ({
        month,
        nps: netPromoterScore(inMonth(scores, month).flatMap((row) => row.scores)),
        slaBreaches: sum(inMonth(breaches, month)),
        recoveries: sum(inMonth(recoveries, month)),
      })),
    };
  });

  // Per team: its mean eNPS over the rounds it was shown in, against its customers' NPS.
  const pairs = outcomes.flatMap((team): [number, number][] => {
    const shown = pulse.filter((figures) => figures.teamId === team.teamId && figures.enps !== null);
    if (shown.length === 0 || team.nps === null) return [];
    return [[shown.reduce((total, figures) => total + figures.enps!, 0) / shown.length, team.nps]];
  });

  return {
    months,
    teams: outcomes,
    pulse,
    roundsById: new Map(rounds.map(({ answers: _answers, ...round }) => [round.id, round])),
    teamsById: new Map(teams.map(({ members: _members, ...team }) => [team.id, team])),
    correlation: correlation(pairs),
    pairedTeams: pairs.length,
  };
}
