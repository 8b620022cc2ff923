import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { db } from '../../api/src/runtime.ts';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { npsOverLastDays } from '../../api/src/services/feedback.service.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, type TestOrganization } from '../support/fixtures.ts';
import { createCustomers, partnerKey } from '../support/partner.ts';
import { onPostgres } from '../support/database.ts';

let app: TestApp;
let org: TestOrganization;
let shop: string;

const CREATE_SURVEY = `mutation ($input: CreateSurveyInput!) {
  createSurvey(input: $input) {
    __typename
    ... on MutationCreateSurveySuccess { data { id kind question options participationPoints active } }
    ... on ValidationError { fieldErrors { path message } }
  }
}`;
const UPDATE_SURVEY = `mutation ($input: UpdateSurveyInput!) {
  updateSurvey(input: $input) {
    __typename
    ... on MutationUpdateSurveySuccess { data { id question options participationPoints active } }
    ... on ValidationError { fieldErrors { path message } }
  }
}`;
const SUBMIT = `mutation ($input: SubmitFeedbackInput!) {
  submitFeedback(input: $input) {
    __typename
    ... on MutationSubmitFeedbackSuccess { data { id score option comment channel survey { id kind } customer { externalId } } }
    ... on ValidationError { message fieldErrors { path message } }
    ... on NotFoundError { message }
  }
}`;
const LEDGER = `query ($externalId: String!) {
  customer(ref: { externalId: $externalId }) {
    pointsBalance
    pointsLedger { edges { node { kind delta expiresAt en: explanation(locale: EN) da: explanation(locale: DA) } } }
  }
}`;

async function createSurvey(input: Record<string, unknown>, token = org.tokens.MANAGER) {
  const result = await app.graphql(CREATE_SURVEY, { input }, token);
  return result.data!.createSurvey;
}

async function surveyId(input: Record<string, unknown>, token = org.tokens.MANAGER): Promise<string> {
  return (await createSurvey(input, token)).data.id;
}

async function submit(input: Record<string, unknown>, token = shop) {
  return (await app.graphql(SUBMIT, { input }, token)).data!.submitFeedback;
}

async function ledger(externalId: string) {
  return (await app.graphql(LEDGER, { externalId }, org.tokens.VIEWER)).data!.customer;
}

const tenant = () => db().forOrganization(org.id);

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2026-03-01T12:00:00Z') });
  org = await createTestOrganization(app, 'Cykelsmed');
  shop = await partnerKey(org, ['EVENTS_WRITE']);
  await createCustomers(org, 40);
});
afterAll(() => app.stop());

describe('surveys', () => {
  test('a manager creates an NPS survey, a CSAT survey and a poll whose options are stored trimmed', async () => {
    const nps = await createSurvey({ kind: 'NPS', question: 'Would you recommend us?', participationPoints: 25 });
    const csat = await createSurvey({ kind: 'CSAT', question: 'How was your repair?' });
    const poll = await createSurvey({
      kind: 'POLL',
      question: 'Next event?',
      options: [' Group ride', 'Repair class '],
    });
    expect([nps.data, csat.data, poll.data]).toMatchObject([
      { kind: 'NPS', options: [], participationPoints: 25, active: true },
      { kind: 'CSAT', options: [], participationPoints: 0, active: true },
      { kind: 'POLL', options: ['Group ride', 'Repair class'], participationPoints: 0, active: true },
    ]);
    const listed = await app.graphql('{ surveys { id } }', {}, shop);
    expect(listed.data!.surveys.map((survey: { id: string }) => survey.id)).toEqual(
      expect.arrayContaining([nps.data.id, csat.data.id, poll.data.id]),
    );
  });

  test('a poll with fewer than two different options is a ValidationError with its path, and nothing is stored', async () => {
    const before = await tenant().survey.count();
    const result = await createSurvey({ kind: 'POLL', question: 'Colour?', options: ['Red', 'red '] });
    expect(result).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [
        { path: ['input', 'options', '1'], message: '“red” is already an option.' },
        { path: ['input', 'options'], message: 'A poll needs at least two different options.' },
      ],
    });
    expect(await tenant().survey.count()).toBe(before);
  });

  test('an agent may not create a survey', async () => {
    const result = await app.graphql(
      CREATE_SURVEY,
      { input: { kind: 'NPS', question: 'Would you recommend us?' } },
      org.tokens.AGENT,
    );
    expect(result.data!.createSurvey.__typename).toBe('ForbiddenError');
  });

  test('a closed survey takes no more answers', async () => {
    const id = await surveyId({ kind: 'CSAT', question: 'How was the test ride?' });
    const closed = await app.graphql(UPDATE_SURVEY, { input: { id, active: false } }, org.tokens.MANAGER);
    expect(closed.data!.updateSurvey.data.active).toBe(false);
    expect(await submit({ customer: { externalId: 'K-1' }, surveyId: id, score: 4 })).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'surveyId'], message: 'This survey is closed: it takes no more answers.' }],
    });
  });

  test('a poll keeps every option someone chose', async () => {
    const id = await surveyId({ kind: 'POLL', question: 'Tea or coffee?', options: ['Tea', 'Coffee'] });
    await submit({ customer: { externalId: 'K-2' }, surveyId: id, option: 'Tea' });
    const removed = await app.graphql(
      UPDATE_SURVEY,
      { input: { id, options: ['Coffee', 'Juice'] } },
      org.tokens.MANAGER,
    );
    expect(removed.data!.updateSurvey).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'options'], message: '“Tea” has answers, so it stays an option.' }],
    });
    const added = await app.graphql(
      UPDATE_SURVEY,
      { input: { id, options: ['Tea', 'Coffee', 'Juice'] } },
      org.tokens.MANAGER,
    );
    expect(added.data!.updateSurvey.data.options).toEqual(['Tea', 'Coffee', 'Juice']);
  });
});

describe('submitFeedback', () => {
  test('NPS answers from 0 to 10 and CSAT answers from 1 to 5 are stored with their survey', async () => {
    const nps = await surveyId({ kind: 'NPS', question: 'Would you recommend our workshop?' });
    const csat = await surveyId({ kind: 'CSAT', question: 'How happy are you with your new bike?' });
    for (const score of [0, 10]) {
      const stored = await submit({
        customer: { externalId: `K-${3 + score}` },
        surveyId: nps,
        score,
        channel: 'EMAIL',
      });
      expect(stored.data).toMatchObject({ score, channel: 'EMAIL', survey: { id: nps, kind: 'NPS' } });
    }
    for (const score of [1, 5]) {
      const stored = await submit({ customer: { externalId: `K-${3 + score}` }, surveyId: csat, score });
      expect(stored.data).toMatchObject({ score, survey: { id: csat, kind: 'CSAT' } });
    }
  });

  test('a score out of range is a ValidationError with its path: nothing is stored and no points are earned', async () => {
    const nps = await surveyId({
      kind: 'NPS',
      question: 'Would you recommend us to a friend?',
      participationPoints: 50,
    });
    const before = await tenant().feedback.count();
    expect(await submit({ customer: { externalId: 'K-14' }, surveyId: nps, score: 11 })).toEqual({
      __typename: 'ValidationError',
      message: 'An NPS score is a whole number from 0 to 10; 11 is not.',
      fieldErrors: [{ path: ['input', 'score'], message: 'An NPS score is a whole number from 0 to 10; 11 is not.' }],
    });
    expect(await tenant().feedback.count()).toBe(before);
    expect((await ledger('K-14')).pointsBalance).toBe(0);
  });

  test('a poll is answered with one of its options; another option is refused, naming the options', async () => {
    const poll = await surveyId({ kind: 'POLL', question: 'Which ride?', options: ['Gravel', 'Road', 'MTB'] });
    expect((await submit({ customer: { externalId: 'K-15' }, surveyId: poll, option: 'Gravel' })).data.option).toBe(
      'Gravel',
    );
    expect(await submit({ customer: { externalId: 'K-16' }, surveyId: poll, option: 'BMX' })).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [
        { path: ['input', 'option'], message: '“BMX” is not an option of this poll; choose Gravel, Road or MTB.' },
      ],
    });
    expect(await tenant().feedback.count({ where: { customer: { externalId: 'K-16' } } })).toBe(0);
  });

  test('a free comment needs no survey and earns nothing', async () => {
    const stored = await submit({ customer: { externalId: 'K-17' }, comment: ' The shop smelled of fresh coffee. ' });
    expect(stored.data).toMatchObject({ comment: 'The shop smelled of fresh coffee.', survey: null, score: null });
    expect((await ledger('K-17')).pointsBalance).toBe(0);
    expect(await submit({ customer: { externalId: 'K-17' }, comment: ' ' })).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: ['input', 'comment'], message: 'Feedback without a survey needs a comment.' }],
    });
  });

  test('an unknown survey is a NotFoundError', async () => {
    const wrong = Buffer.from('Survey:nothing-here').toString('base64');
    expect(await submit({ customer: { externalId: 'K-18' }, surveyId: wrong, score: 9 })).toEqual({
      __typename: 'NotFoundError',
      message: 'Survey was not found.',
    });
  });

  test('a customer answers a survey once: a second answer is a ValidationError and earns nothing more', async () => {
    const nps = await surveyId({ kind: 'NPS', question: 'Would you recommend our rentals?', participationPoints: 20 });
    await submit({ customer: { externalId: 'K-19' }, surveyId: nps, score: 8 });
    expect(await submit({ customer: { externalId: 'K-19' }, surveyId: nps, score: 10 })).toEqual({
      __typename: 'ValidationError',
      message: 'This customer has already answered this survey; a survey is answered once.',
      fieldErrors: [
        {
          path: ['input', 'surveyId'],
          message: 'This customer has already answered this survey; a survey is answered once.',
        },
      ],
    });
    expect((await ledger('K-19')).pointsBalance).toBe(20);
  });

  test('the first answer earns the participation points as EARN_FEEDBACK naming the survey, in Danish and English', async () => {
    const nps = await surveyId({
      kind: 'NPS',
      question: 'Hvor sandsynligt er det, at du anbefaler os?',
      participationPoints: 25,
    });
    await submit({ customer: { externalId: 'K-20' }, surveyId: nps, score: 9, occurredAt: '2026-02-10T09:00:00Z' });
    const customer = await ledger('K-20');
    expect(customer.pointsBalance).toBe(25);
    expect(customer.pointsLedger.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      {
        kind: 'EARN_FEEDBACK',
        delta: 25,
        expiresAt: '2028-02-10T09:00:00.000Z',
        en: '25 points for answering “Hvor sandsynligt er det, at du anbefaler os?”.',
        da: '25 point for at svare på »Hvor sandsynligt er det, at du anbefaler os?«.',
      },
    ]);
  });

  test('NPS 0–6 and CSAT 1–2 are bad experiences; NPS 7–10, CSAT 3–5 and poll answers are not', async () => {
    const nps = await surveyId({ kind: 'NPS', question: 'Would you recommend our service plan?' });
    const csat = await surveyId({ kind: 'CSAT', question: 'How was your service?' });
    const poll = await surveyId({ kind: 'POLL', question: 'Helmet?', options: ['Yes', 'No'] });
    const answers: [string, Record<string, unknown>][] = [
      ['K-21', { surveyId: nps, score: 6 }],
      ['K-22', { surveyId: nps, score: 7 }],
      ['K-23', { surveyId: csat, score: 2 }],
      ['K-24', { surveyId: csat, score: 3 }],
      ['K-25', { surveyId: poll, option: 'No' }],
    ];
    for (const [externalId, answer] of answers) await submit({ customer: { externalId }, ...answer });
    const experiences = await tenant().experience.findMany({
      where: { customer: { externalId: { in: answers.map(([externalId]) => externalId) } } },
      select: { kind: true, cause: true, score: true, customer: { select: { externalId: true } } },
      orderBy: { customer: { externalId: 'asc' } },
    });
    expect(experiences).toEqual([
      { kind: 'BAD_EXPERIENCE', cause: 'NPS', score: 6, customer: { externalId: 'K-21' } },
      { kind: 'BAD_EXPERIENCE', cause: 'CSAT', score: 2, customer: { externalId: 'K-23' } },
    ]);
  });

  test.skipIf(!onPostgres)(
    '10 concurrent answers to one survey by one customer store one answer and one EARN_FEEDBACK',
    async () => {
      const nps = await surveyId({
        kind: 'NPS',
        question: 'Would you recommend our fitting?',
        participationPoints: 30,
      });
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, score) => submit({ customer: { externalId: 'K-26' }, surveyId: nps, score })),
      );
      expect(answers.filter((answer) => answer.__typename === 'MutationSubmitFeedbackSuccess')).toHaveLength(1);
      expect(answers.filter((answer) => answer.__typename === 'ValidationError')).toHaveLength(9);
      const customer = await tenant().customer.findFirstOrThrow({ where: { externalId: 'K-26' } });
      expect(await tenant().feedback.count({ where: { customerId: customer.id } })).toBe(1);
      expect(await tenant().pointsEntry.count({ where: { customerId: customer.id, kind: 'EARN_FEEDBACK' } })).toBe(1);
      expect(customer.pointsBalance).toBe(30);
    },
  );
});

// An organization of its own: its NPS is exactly these answers.
describe('reading feedback and NPS', () => {
  let reader: TestOrganization;
  let nps: string;
  let csat: string;
  beforeAll(async () => {
    reader = await createTestOrganization(app, 'Lyttepost');
    await createCustomers(reader, 6);
    nps = await surveyId({ kind: 'NPS', question: 'Would you recommend Lyttepost?' }, reader.tokens.MANAGER);
    csat = await surveyId({ kind: 'CSAT', question: 'How was your visit?' }, reader.tokens.MANAGER);
    // January: 2 promoters, 1 detractor. February: 1 promoter, 1 passive. March: none yet.
    const answers: [number, string, number, string][] = [
      [1, nps, 10, '2026-01-05T10:00:00Z'],
      [2, nps, 9, '2026-01-20T10:00:00Z'],
      [3, nps, 3, '2026-01-28T10:00:00Z'],
      [4, nps, 9, '2026-02-03T10:00:00Z'],
      [5, nps, 7, '2026-02-25T10:00:00Z'],
      [6, csat, 4, '2026-02-26T10:00:00Z'],
    ];
    for (const [customer, survey, score, occurredAt] of answers) {
      await submit(
        { customer: { externalId: `K-${customer}` }, surveyId: survey, score, occurredAt },
        reader.tokens.AGENT,
      );
    }
  });

  test('feedback lists answers newest first, filtered by survey, kind and period', async () => {
    const page = async (filter: Record<string, unknown>) =>
      (
        await app.graphql(
          'query ($filter: FeedbackFilter) { feedback(first: 10, filter: $filter) { totalCount edges { node { score customer { externalId } } } } }',
          { filter },
          reader.tokens.VIEWER,
        )
      ).data!.feedback;
    const bySurvey = await page({ surveyId: nps });
    expect(bySurvey.totalCount).toBe(5);
    expect(bySurvey.edges.map((edge: { node: { score: number } }) => edge.node.score)).toEqual([7, 9, 3, 9, 10]);
    const february = await page({ surveyId: nps, from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z' });
    expect(february.edges.map((edge: { node: { score: number } }) => edge.node.score)).toEqual([7, 9]);
    const csatOnly = await page({ kind: 'CSAT', from: '2026-02-26T00:00:00Z' });
    expect(csatOnly.edges).toEqual([{ node: { score: 4, customer: { externalId: 'K-6' } } }]);
  });

  test('npsTrend gives each month its NPS and number of answers, empty months included', async () => {
    const trend = await app.graphql(
      '{ npsTrend(from: "2026-01-01T00:00:00Z", to: "2026-04-01T00:00:00Z", bucket: MONTH) { label start answers nps } }',
      {},
      reader.tokens.VIEWER,
    );
    expect(trend.data!.npsTrend).toEqual([
      { label: '2026-01', start: '2026-01-01T00:00:00.000Z', answers: 3, nps: 33.3 },
      { label: '2026-02', start: '2026-02-01T00:00:00.000Z', answers: 2, nps: 50 },
      { label: '2026-03', start: '2026-03-01T00:00:00.000Z', answers: 0, nps: null },
    ]);
  });

  test('npsTrend by week gives each ISO week from Monday its NPS and number of answers, empty weeks included', async () => {
    const trend = await app.graphql(
      '{ npsTrend(from: "2026-01-01T00:00:00Z", to: "2026-03-02T00:00:00Z", bucket: WEEK) { label start end answers nps } }',
      {},
      reader.tokens.VIEWER,
    );
    const week = (label: string, start: string, end: string, answers: number, nps: number | null) => ({
      label,
      start: `${start}T00:00:00.000Z`,
      end: `${end}T00:00:00.000Z`,
      answers,
      nps,
    });
    expect(trend.data!.npsTrend).toEqual([
      // 1 January 2026 is a Thursday: its ISO week 1 began on Monday 29 December 2025.
      week('2026-W01', '2025-12-29', '2026-01-05', 0, null),
      week('2026-W02', '2026-01-05', '2026-01-12', 1, 100),
      week('2026-W03', '2026-01-12', '2026-01-19', 0, null),
      week('2026-W04', '2026-01-19', '2026-01-26', 1, 100),
      week('2026-W05', '2026-01-26', '2026-02-02', 1, -100),
      week('2026-W06', '2026-02-02', '2026-02-09', 1, 100),
      week('2026-W07', '2026-02-09', '2026-02-16', 0, null),
      week('2026-W08', '2026-02-16', '2026-02-23', 0, null),
      week('2026-W09', '2026-02-23', '2026-03-02', 1, 0),
    ]);
  });

  test('npsTrend refuses a period that ends before it starts', async () => {
    const trend = await app.graphql(
      '{ npsTrend(from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z") { label } }',
      {},
      org.tokens.VIEWER,
    );
    expect(trend.errors?.[0]).toMatchObject({
      message: '`to` must be after `from`.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  test('the NPS of the last 30 days counts only answers inside the window', async () => {
    // 1 March 12:00 minus 30 days: 30 January 12:00. In: 9 (3 Feb) and 7 (25 Feb).
    expect(await npsOverLastDays(systemCaller(reader.id), 30)).toBe(50);
  });
});

// An organization of its own, answers dated around the edge of the 90 days before 1 March 12:00.
describe('overview.nps', () => {
  let edge: TestOrganization;
  let reader: string;
  const daysAgo = (days: number) => new Date(Date.parse('2026-03-01T12:00:00Z') - days * 24 * 60 * 60 * 1000);
  const overviewNps = async () => (await app.graphql('{ overview { nps } }', {}, reader)).data!.overview.nps;

  beforeAll(async () => {
    edge = await createTestOrganization(app, 'Nitti dage');
    await createCustomers(edge, 5);
    reader = await partnerKey(edge, ['CUSTOMERS_READ']);
    const nps = await surveyId({ kind: 'NPS', question: 'Would you recommend Nitti dage?' }, edge.tokens.MANAGER);
    const answers: [number, number, number][] = [
      [1, 10, 89],
      [2, 9, 10],
      [3, 5, 30],
      [4, 0, 91],
      [5, 2, 91],
    ];
    for (const [customer, score, age] of answers) {
      await submit(
        { customer: { externalId: `K-${customer}` }, surveyId: nps, score, occurredAt: daysAgo(age).toISOString() },
        edge.tokens.AGENT,
      );
    }
  });
  afterAll(() => app.clock.set(new Date('2026-03-01T12:00:00Z')));

  test('counts the answers of the last 90 days: 89 days old counts, 91 days old does not', async () => {
    // In: 10, 9 and 5; out: 0 and 2. Two promoters and one detractor of three answers.
    expect(await overviewNps()).toBe(33.3);
  });

  test('an answer leaves it once it is more than 90 days old', async () => {
    app.clock.set(daysAgo(-2));
    // The 10 is now 91 days old; 9 and 5 remain: one promoter and one detractor.
    expect(await overviewNps()).toBe(0);
  });
});
