// The demo's teams and six monthly pulse rounds, all closed: each team's pulse moves its own way
// (the shop rises, the workshop sinks, customer service holds), and one round of the workshop has
// too few answers to show. Rounds are stored as the pulse service stores them (tokens used,
// answers without a person), back-dated to the first of each month.
import { randomUUID } from 'node:crypto';
import type { AuthenticatedCaller } from '../auth/caller.ts';
import { newSecret, sha256 } from '../auth/tokens.ts';
import { addMonthsUtc } from '../domain/time/add-months.ts';
import { DAY_MS } from '../domain/time/duration.ts';
import { tenantDb } from '../runtime.ts';
import { flagConcern } from '../services/staff-concern.service.ts';
import { createTeam } from '../services/team.service.ts';
import { createUser } from '../services/user.service.ts';
import type { DemoCustomer } from './demo-customers.ts';
import type { Random } from './random.ts';

const TEAMS: { name: string; people: string[]; enpsFrom: number; enpsTo: number }[] = [
  {
    name: 'Butikken',
    people: ['Freja Dahl', 'Oliver Friis', 'Ida Skov', 'Noah Vinther', 'Emma Krog', 'Lucas Bach'],
    enpsFrom: 6,
    enpsTo: 9,
  },
  {
    name: 'Værkstedet',
    people: ['Karl Mørch', 'Alma Juhl', 'Viktor Lind', 'Clara Møller', 'Elias Thrane'],
    enpsFrom: 8,
    enpsTo: 5,
  },
  {
    name: 'Kundeservice',
    people: ['Sofie Lund', 'Anna Brink', 'William Holt', 'Laura Kirk', 'Magnus Ravn'],
    enpsFrom: 7,
    enpsTo: 7,
  },
];
const ROUNDS = 6;
/** The workshop's round in which only 4 answered: shown as its count alone. */
const THIN_ROUND = 3;
const THIN_TEAM = 'Værkstedet';
const COMMENTS = [
  'Travlt, men vi hjælper hinanden.',
  'Vi mangler reservedele, og kunderne venter.',
  'God opbakning fra lederen denne måned.',
  'For mange opgaver på én gang.',
  'Nyt kassesystem gør det lettere at hjælpe kunderne.',
];

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(max, Math.round(value)));

export async function seedDemoPulse(
  caller: AuthenticatedCaller,
  random: Random,
  now: Date,
  customers: DemoCustomer[],
): Promise<void> {
  const db = tenantDb(caller);
  const existing = new Map((await db.user.findMany({ select: { id: true, name: true } })).map((u) => [u.name, u.id]));
  const teams: { id: string; name: string; memberIds: string[]; enpsFrom: number; enpsTo: number }[] = [];
  for (const team of TEAMS) {
    const memberIds: string[] = [];
    for (const name of team.people) {
      const known = existing.get(name);
      if (known) memberIds.push(known);
      else {
        const email = `${name
          .toLowerCase()
          .split(' ')[0]
          .normalize('NFD')
          .replace(/[^a-z]/g, '')}@nordlys.example`;
        memberIds.push((await createUser(caller, { email, name, role: 'AGENT', locale: 'DA' })).user.id);
      }
    }
    const created = await createTeam(caller, { name: team.name, memberIds });
    teams.push({ ...team, id: created.id, memberIds });
  }

  // Every customer gets an account manager from one of the teams, in turn: the teams serve them.
  const managers = teams.flatMap((team) => team.memberIds);
  for (const [index, managerId] of managers.entries()) {
    const theirs = customers.filter((_, position) => position % managers.length === index).map((c) => c.id);
    await db.customer.updateMany({ where: { id: { in: theirs } }, data: { accountManagerId: managerId } });
  }

  // Frontline voice: a service agent worried about a customer she spoke to this week.
  const sofie = existing.get('Sofie Lund')!;
  await flagConcern(
    {
      kind: 'user',
      organizationId: caller.organizationId,
      userId: sofie,
      sessionId: 'demo',
      role: 'AGENT',
      locale: 'DA',
    },
    {
      customer: { id: customers[7].id },
      note: 'Lød træt af ventetiden på værkstedet; overvejer at købe sin næste cykel et andet sted.',
    },
  );

  const staff = await db.user.findMany({ where: { active: true }, select: { id: true } });
  const teamsOf = (userId: string) => teams.filter((team) => team.memberIds.includes(userId)).map((team) => team.id);
  const firstOfMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1, 8));
  for (let round = 0; round < ROUNDS; round++) {
    const opensAt = addMonthsUtc(firstOfMonth, round - ROUNDS);
    const roundId = randomUUID();
    const answerers = new Set<string>();
    const answers: { teamIds: string[]; enps: number; answers: number[]; comment: string | null }[] = [];
    for (const team of teams) {
      const enpsNow = team.enpsFrom + ((team.enpsTo - team.enpsFrom) * round) / (ROUNDS - 1);
      const answering = team.name === THIN_TEAM && round === THIN_ROUND ? 4 : team.memberIds.length;
      for (const userId of team.memberIds.slice(0, answering)) {
        answerers.add(userId);
        const mood = enpsNow + random.int(-2, 2);
        answers.push({
          teamIds: teamsOf(userId),
          enps: clamp(mood, 0, 10),
          answers: [0, 1, 2].map(() => clamp(mood / 2 + random.int(-1, 1) / 2, 1, 5)),
          comment: random.chance(0.3) ? random.pick(COMMENTS) : null,
        });
      }
    }
    await db.pulseRound.create({
      data: {
        id: roundId,
        organizationId: caller.organizationId,
        opensAt,
        closesAt: new Date(opensAt.getTime() + 14 * DAY_MS),
        status: 'CLOSED',
        tokenSecret: newSecret(),
        invited: staff.length,
        answered: answers.length,
        tokens: {
          create: staff.map((user) => ({
            organizationId: caller.organizationId,
            userId: user.id,
            tokenHash: sha256(newSecret()),
            teamIds: teamsOf(user.id),
            used: answerers.has(user.id),
          })),
        },
        answers: {
          create: answers.map((answer) => ({ organizationId: caller.organizationId, ...answer })),
        },
      },
    });
  }
}
