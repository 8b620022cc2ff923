// Team pulse (PRODUCT.md "Team pulse"): teams, rounds, anonymous answers shown only from the
// threshold, the service chain, and a staff member's concern about a customer.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { GraphQLList, GraphQLNonNull, GraphQLObjectType, type GraphQLOutputType } from 'graphql';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { schema } from '../../api/src/schema/index.ts';
import { db } from '../../api/src/runtime.ts';
import { createUser } from '../../api/src/services/user.service.ts';
import { upsertCustomer } from '../../api/src/services/customer.service.ts';
import { DAY_MS } from '../../api/src/domain/time/duration.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { onPostgres } from '../support/database.ts';
import { createTestOrganization, login, PASSWORD, type TestOrganization } from '../support/fixtures.ts';
import { gid } from '../support/operations.ts';

let app: TestApp;
let org: TestOrganization;
/** Eight agents besides the organization's four staff, each signed in. */
const agents: { id: string; token: string }[] = [];

const RESULT = '__typename ... on Error { message } ... on ValidationError { fieldErrors { path message } }';
const PENDING = '{ myPendingPulse { token questions round { id status } } }';
const ANSWER = `mutation ($input: AnswerPulseInput!) { answerPulse(input: $input) { ${RESULT} ... on MutationAnswerPulseSuccess { data { answered } } } }`;
const OPEN = `mutation { openPulseRound { ${RESULT} ... on MutationOpenPulseRoundSuccess { data { id status invited answered } } } }`;
const CLOSE = `mutation ($id: ID!) { closePulseRound(id: $id) { __typename ... on Error { message } ... on MutationClosePulseRoundSuccess { data { status closesAt } } } }`;
const CHAIN = `query ($locale: Locale) { serviceChain(months: 6) { months correlation explanation(locale: $locale)
  teams { team { name } customers nps ignoredCustomers slaBreaches recoveries riskDistribution { level count } }
  pulse { team { name } round { id } answers shown enps questions(locale: EN) { question average } comments } } }`;

/** The database id inside a global id. */
const rawId = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1];

const gql = async (query: string, variables: Record<string, unknown> | undefined, token: string) => {
  const result = await app.graphql(query, variables, token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
};

async function createTeam(name: string, memberIds: string[]) {
  const data = await gql(
    `mutation ($input: CreateTeamInput!) { createTeam(input: $input) { ${RESULT} ... on MutationCreateTeamSuccess { data { id name members { id } } } } }`,
    { input: { name, memberIds: memberIds.map((id) => gid('User', id)) } },
    org.tokens.ADMIN,
  );
  return data.createTeam;
}

async function openRound() {
  const opened = (await gql(OPEN, undefined, org.tokens.ADMIN)).openPulseRound;
  expect(opened.__typename).toBe('MutationOpenPulseRoundSuccess');
  return opened.data;
}

const closeRound = async (id: string) => (await gql(CLOSE, { id }, org.tokens.ADMIN)).closePulseRound;

async function answer(token: string, enps: number, answers = [4, 3, 5], comment?: string) {
  const pending = (await gql(PENDING, undefined, token)).myPendingPulse;
  return (await gql(ANSWER, { input: { token: pending.token, enps, answers, comment } }, token)).answerPulse;
}

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2026-11-10T09:00:00.000Z') });
  org = await createTestOrganization(app, 'Puls');
  for (let index = 1; index <= 8; index++) {
    const { user } = await createUser(systemCaller(org.id), {
      email: `agent${index}@puls.example`,
      name: `Agent ${index}`,
      role: 'AGENT',
      password: PASSWORD,
    });
    agents.push({ id: user.id, token: await login(app, user.email) });
  }
});
afterAll(() => app.stop());

describe('teams', () => {
  test('an ADMIN makes a team of staff members and a MANAGER reads it; an AGENT may not make one', async () => {
    const created = await createTeam('Butikken', [agents[0].id, agents[1].id]);
    expect(created.__typename).toBe('MutationCreateTeamSuccess');
    expect(created.data.members).toHaveLength(2);
    const teams = (await gql('{ teams { name members { name } } }', undefined, org.tokens.MANAGER)).teams;
    expect(teams).toContainEqual({ name: 'Butikken', members: [{ name: 'Agent 1' }, { name: 'Agent 2' }] });
    const refused = await app.graphql(
      `mutation { createTeam(input: { name: "Skjult", memberIds: [] }) { ${RESULT} } }`,
      undefined,
      org.tokens.AGENT,
    );
    expect(JSON.stringify(refused)).toMatch(/ForbiddenError|FORBIDDEN/);
  });

  test('a second team of the same name, or a member who is no staff member, is a ValidationError with its path', async () => {
    expect((await createTeam('Butikken', [])).fieldErrors).toEqual([
      { path: ['input', 'name'], message: 'Another team has this name.' },
    ]);
    const unknown = await createTeam('Lageret', [agents[0].id, 'nobody']);
    expect(unknown.fieldErrors.map((error: { path: string[] }) => error.path)).toEqual([['input', 'memberIds', '1']]);
  });
});

describe('pulse rounds', () => {
  test('opening a round while one is open is a ValidationError; an ADMIN closes one early', async () => {
    const round = await openRound();
    expect(round).toMatchObject({ status: 'OPEN', invited: 12, answered: 0 });
    const second = (await gql(OPEN, undefined, org.tokens.ADMIN)).openPulseRound;
    expect(second).toMatchObject({
      __typename: 'ValidationError',
      message: 'A pulse round is open already; close it before opening another.',
    });
    expect(await closeRound(round.id)).toEqual({
      __typename: 'MutationClosePulseRoundSuccess',
      data: { status: 'CLOSED', closesAt: '2026-11-10T09:00:00.000Z' },
    });
  });

  test('every active staff member is asked until they answer, with the three questions in their language', async () => {
    const round = await openRound();
    const pending = (await gql(PENDING, undefined, agents[2].token)).myPendingPulse;
    expect(pending.round).toEqual({ id: round.id, status: 'OPEN' });
    expect(pending.questions).toEqual([
      'I get the support I need from my manager.',
      'I have the time and tools to help customers.',
      'I can fix a customer’s problem myself.',
    ]);
    expect((await answer(agents[2].token, 9)).__typename).toBe('MutationAnswerPulseSuccess');
    expect((await gql(PENDING, undefined, agents[2].token)).myPendingPulse).toBeNull();
    expect((await gql(PENDING, undefined, agents[3].token)).myPendingPulse).not.toBeNull();
    await closeRound(round.id);
    expect((await gql(PENDING, undefined, agents[3].token)).myPendingPulse).toBeNull();
  });

  test('an answer out of range is a ValidationError with the path of each problem, and nothing is stored', async () => {
    const round = await openRound();
    const pending = (await gql(PENDING, undefined, agents[4].token)).myPendingPulse;
    const refused = (
      await gql(ANSWER, { input: { token: pending.token, enps: 11, answers: [0, 3, 5] } }, agents[4].token)
    ).answerPulse;
    expect(refused.fieldErrors.map((error: { path: string[] }) => error.path)).toEqual([
      ['input', 'enps'],
      ['input', 'answers', '0'],
    ]);
    expect(
      await db()
        .forOrganization(org.id)
        .pulseAnswer.count({ where: { roundId: rawId(round.id) } }),
    ).toBe(0);
    await closeRound(round.id);
  });

  test("another person's token is refused, and so is a token of a round that has closed", async () => {
    const round = await openRound();
    const mine = (await gql(PENDING, undefined, agents[5].token)).myPendingPulse;
    const theirs = (await gql(ANSWER, { input: { token: mine.token, enps: 5, answers: [3, 3, 3] } }, agents[6].token))
      .answerPulse;
    expect(theirs).toMatchObject({ __typename: 'NotFoundError' });
    await closeRound(round.id);
    const late = (await gql(ANSWER, { input: { token: mine.token, enps: 5, answers: [3, 3, 3] } }, agents[5].token))
      .answerPulse;
    expect(late).toMatchObject({ __typename: 'ValidationError', message: 'This pulse round has closed.' });
  });

  test(`one token answers once: 30 submits at once store one answer${onPostgres ? '' : ' (PGlite runs them in turn)'}`, async () => {
    const round = await openRound();
    const { token } = (await gql(PENDING, undefined, agents[7].token)).myPendingPulse;
    const results = await Promise.all(
      Array.from({ length: 30 }, () => gql(ANSWER, { input: { token, enps: 7, answers: [3, 3, 3] } }, agents[7].token)),
    );
    const kinds = results.map((result) => result.answerPulse.__typename);
    expect(kinds.filter((kind) => kind === 'MutationAnswerPulseSuccess')).toHaveLength(1);
    expect(kinds.filter((kind) => kind === 'ValidationError')).toHaveLength(29);
    expect(
      await db()
        .forOrganization(org.id)
        .pulseAnswer.count({ where: { roundId: rawId(round.id) } }),
    ).toBe(1);
    await closeRound(round.id);
  });
});

describe('anonymity', () => {
  let north: string[];

  beforeAll(async () => {
    // "Nord": five agents; each manages one customer.
    north = agents.slice(0, 5).map((agent) => agent.id);
    await createTeam('Nord', north);
    for (const [index, managerId] of north.entries())
      await upsertCustomer(systemCaller(org.id), {
        externalId: `N-${index}`,
        name: `Kunde N-${index}`,
        accountManagerId: managerId,
      });
  });

  const nordIn = async (roundId: string) =>
    (await gql(CHAIN, undefined, org.tokens.MANAGER)).serviceChain.pulse.find(
      (pulse: { team: { name: string }; round: { id: string } }) =>
        pulse.team.name === 'Nord' && pulse.round.id === roundId,
    );

  test('with 4 answers a team shows only its count', async () => {
    const round = await openRound();
    for (const [index, enps] of [10, 9, 8, 3].entries()) await answer(agents[index].token, enps, [4, 2, 5], 'Fine.');
    await closeRound(round.id);
    expect(await nordIn(round.id)).toEqual({
      team: { name: 'Nord' },
      round: { id: round.id },
      answers: 4,
      shown: false,
      enps: null,
      questions: [],
      comments: [],
    });
  });

  test('with 5 answers it shows its figures once the round closes, the eNPS exactly (promoters − detractors) / answers × 100', async () => {
    const round = await openRound();
    for (const [index, enps] of [10, 9, 8, 3].entries())
      await answer(agents[index].token, enps, [4, 2, 5], index === 0 ? 'Busy but good.' : undefined);
    await answer(agents[4].token, 7, [3, 3, 3], 'Too few hands.');
    // While the round is open, figures that moved with each answer would tell what the last one said.
    expect(await nordIn(round.id)).toMatchObject({ answers: 5, shown: false, enps: null });
    await closeRound(round.id);
    const shown = await nordIn(round.id);
    expect(shown).toMatchObject({ answers: 5, shown: true, enps: 20 });
    expect(shown.questions).toEqual([
      { question: 'I get the support I need from my manager.', average: 3.8 },
      { question: 'I have the time and tools to help customers.', average: 2.2 },
      { question: 'I can fix a customer’s problem myself.', average: 4.6 },
    ]);
    expect([...shown.comments].sort()).toEqual(['Busy but good.', 'Too few hands.']);
  });

  test('of two overlapping teams that differ by fewer people than the threshold, only the larger shows', async () => {
    // "Nord og én" is Nord plus one agent: its figures minus Nord's would be that agent's answer.
    await createTeam('Nord og én', [...north, agents[5].id]);
    const round = await openRound();
    for (const [index, enps] of [10, 9, 8, 3, 7, 0].entries()) await answer(agents[index].token, enps);
    await closeRound(round.id);
    const pulses = (await gql(CHAIN, undefined, org.tokens.MANAGER)).serviceChain.pulse.filter(
      (pulse: { round: { id: string } }) => pulse.round.id === round.id,
    );
    const byName = (name: string) => pulses.find((pulse: { team: { name: string } }) => pulse.team.name === name);
    expect(byName('Nord og én')).toMatchObject({ answers: 6, shown: true, enps: 0 });
    expect(byName('Nord')).toEqual({
      team: { name: 'Nord' },
      round: { id: round.id },
      answers: 5,
      shown: false,
      enps: null,
      questions: [],
      comments: [],
    });
  });

  test('the database row of an answer holds no user, no session and no moment of its own', async () => {
    const columns = await db().acrossOrganizations.$queryRaw<{ column_name: string }[]>`
      SELECT column_name FROM information_schema.columns WHERE table_name = 'PulseAnswer' ORDER BY column_name`;
    expect(columns.map((column) => column.column_name)).toEqual([
      'answers',
      'comment',
      'enps',
      'id',
      'organizationId',
      'roundId',
      'teamIds',
    ]);
    const references = await db().acrossOrganizations.$queryRaw<{ target: string }[]>`
      SELECT confrelid::regclass::text AS target FROM pg_constraint
      WHERE conrelid = '"PulseAnswer"'::regclass AND contype = 'f' ORDER BY 1`;
    expect(references.map((reference) => reference.target)).toEqual(['"Organization"', '"PulseRound"']);
    const stored = await db()
      .forOrganization(org.id)
      .pulseAnswer.findFirstOrThrow({ where: { comment: 'Too few hands.' } });
    const userIds = await db()
      .forOrganization(org.id)
      .user.findMany({ select: { id: true } });
    for (const { id } of userIds) expect(JSON.stringify(stored)).not.toContain(id);
  });

  test('no field of the schema returns a single pulse answer or links an answer to a user', () => {
    const named = (type: GraphQLOutputType): string =>
      type instanceof GraphQLNonNull || type instanceof GraphQLList ? named(type.ofType) : type.name;
    const objects = Object.values(schema.getTypeMap()).filter(
      (type): type is GraphQLObjectType => type instanceof GraphQLObjectType && !type.name.startsWith('__'),
    );
    // Pulse figures live only on TeamPulse (a team's aggregate) and its question averages.
    const holdingFigures = objects
      .filter(
        (type) =>
          'enps' in type.getFields() ||
          (/Pulse/.test(type.name) && /comment/.test(Object.keys(type.getFields()).join())),
      )
      .map((type) => type.name);
    expect(holdingFigures.filter((name) => name !== 'TeamPulse')).toEqual([]);
    expect(objects.filter((type) => /PulseAnswer/i.test(type.name))).toEqual([]);
    // Nothing about a round or a team's pulse leads to a person.
    for (const name of ['TeamPulse', 'PulseRound', 'PendingPulse', 'PulseQuestionScore']) {
      const fields = (schema.getType(name) as GraphQLObjectType).getFields();
      expect(Object.values(fields).filter((field) => named(field.type) === 'User')).toEqual([]);
    }
    expect(Object.keys((schema.getType('PulseRound') as GraphQLObjectType).getFields()).sort()).toEqual([
      'answered',
      'closesAt',
      'id',
      'invited',
      'opensAt',
      'status',
    ]);
    // Every mutation that takes an answer gives back the round, never the answer.
    const answerPulse = (schema.getType('MutationAnswerPulseSuccess') as GraphQLObjectType).getFields().data;
    expect(named(answerPulse.type)).toBe('PulseRound');
  });

  test('the threshold is an organization setting that is never below 3', async () => {
    const result = await gql(
      `mutation { updateOrganizationSettings(settings: { pulse: { threshold: 2 } }) { ${RESULT} } }`,
      undefined,
      org.tokens.ADMIN,
    );
    expect(result.updateOrganizationSettings.fieldErrors).toEqual([
      { path: ['settings', 'pulse', 'threshold'], message: 'Use a whole number from 3 to 100.' },
    ]);
  });

  test('the service chain names its method, the number of teams and that it is a correlation, not a proof', async () => {
    const chain = (await gql(CHAIN, { locale: 'EN' }, org.tokens.MANAGER)).serviceChain;
    expect(chain.months).toBe(6);
    expect(chain.correlation).toBeNull();
    expect(chain.explanation).toBe(
      'Over the last 6 months, 0 teams have both a shown staff pulse and customers who answered NPS; at least 3 are needed to say how the two move together. Even then it is a correlation, not a proof.',
    );
    expect(chain.teams.find((team: { team: { name: string } }) => team.team.name === 'Nord')).toEqual({
      team: { name: 'Nord' },
      customers: 5,
      nps: null,
      ignoredCustomers: 0,
      slaBreaches: 0,
      recoveries: 0,
      riskDistribution: [
        { level: 'LOW', count: 5 },
        { level: 'MEDIUM', count: 0 },
        { level: 'HIGH', count: 0 },
        { level: 'CRITICAL', count: 0 },
      ],
    });
  });
});

describe('a staff concern', () => {
  const FLAG = `mutation ($input: FlagConcernInput!) { flagConcern(input: $input) { ${RESULT}
    ... on MutationFlagConcernSuccess { data { risk { score factors { code points explanation(locale: EN) } } } } } }`;

  test('is the risk factor STAFF_CONCERN with who and the note, and an alert to the account manager', async () => {
    const accountManager = agents[0];
    await upsertCustomer(systemCaller(org.id), {
      externalId: 'BEKYMRET',
      name: 'Karen Jensen',
      accountManagerId: accountManager.id,
    });
    const flagged = (
      await gql(
        FLAG,
        { input: { customer: { externalId: 'BEKYMRET' }, note: 'Sounded fed up on the phone' } },
        org.tokens.VIEWER,
      )
    ).flagConcern;
    expect(flagged.__typename).toBe('MutationFlagConcernSuccess');
    expect(flagged.data.risk.factors).toEqual([
      {
        code: 'STAFF_CONCERN',
        points: 15,
        explanation: `VIEWER of Puls flagged a concern on 10 Nov 2026: “Sounded fed up on the phone.”`,
      },
    ]);
    const alerts = (
      await gql(
        '{ alerts(first: 10, filter: { kinds: [STAFF_CONCERN] }) { edges { node { status severity title assignee { id } customer { externalId } } } } }',
        undefined,
        org.tokens.MANAGER,
      )
    ).alerts.edges.map((edge: { node: unknown }) => edge.node);
    expect(alerts).toEqual([
      {
        status: 'OPEN',
        severity: 'WARNING',
        title: 'Staff concern: Karen Jensen',
        assignee: { id: gid('User', accountManager.id) },
        customer: { externalId: 'BEKYMRET' },
      },
    ]);
  });

  test('expires after 30 days, while its alert stays open until a person resolves it', async () => {
    app.clock.set(new Date(app.clock.now().getTime() + 30 * DAY_MS));
    await app.runJobs();
    // A month on, the manager signs in again.
    const manager = await login(app, org.emails.MANAGER);
    const customer = (
      await gql(
        '{ customer(ref: { externalId: "BEKYMRET" }) { risk { factors { code } } alerts { edges { node { kind status } } } } }',
        undefined,
        manager,
      )
    ).customer;
    expect(customer.risk.factors.map((factor: { code: string }) => factor.code)).not.toContain('STAFF_CONCERN');
    expect(customer.alerts.edges.map((edge: { node: unknown }) => edge.node)).toContainEqual({
      kind: 'STAFF_CONCERN',
      status: 'OPEN',
    });
  });

  test('an empty note is a ValidationError at input.note', async () => {
    const agent = await login(app, org.emails.AGENT);
    const refused = (await gql(FLAG, { input: { customer: { externalId: 'BEKYMRET' }, note: '  ' } }, agent))
      .flagConcern;
    expect(refused.fieldErrors.map((error: { path: string[] }) => error.path)).toEqual([['input', 'note']]);
  });
});
