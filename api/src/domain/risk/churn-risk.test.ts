import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings.ts';
import type { RiskLevel } from '../types.ts';
import { DAY_MS } from '../time/duration.ts';
import { computeChurnRisk, type BadExperienceFact, type ChurnRiskFacts } from './churn-risk.ts';

const settings = DEFAULT_SETTINGS.risk;
const now = new Date('2026-06-15T12:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
const daysAhead = (days: number) => new Date(now.getTime() + days * DAY_MS);
const msAgo = (ms: number) => new Date(now.getTime() - ms);

/** A customer with nothing to worry about: contacted yesterday, no events. */
const calm: ChurnRiskFacts = {
  createdAt: daysAgo(400),
  firstEventAt: daysAgo(400),
  lastPersonalContactAt: daysAgo(1),
  badExperiences: [],
  recoveries: [],
  openIncidents: [],
  latestNps: null,
  activity: [],
  concerns: [],
};

const incident = (days: number): BadExperienceFact => ({ occurredAt: daysAgo(days), cause: 'INCIDENT', score: null });
const nps = (days: number, score: number): BadExperienceFact => ({ occurredAt: daysAgo(days), cause: 'NPS', score });
const open = (dueInMs: number) => ({ openedAt: daysAgo(1), slaDueAt: new Date(now.getTime() + dueInMs) });

const factorsOf = (facts: Partial<ChurnRiskFacts>) =>
  computeChurnRisk({ ...calm, ...facts }, settings, now).factors.map((factor) => `${factor.code} ${factor.points}`);

describe('churn-risk factors', () => {
  it.each<[string, Partial<ChurnRiskFacts>, string[]]>([
    ['a customer contacted yesterday with no events has no factors', {}, []],

    [
      'one bad experience in the last 90 days is BAD_EXPERIENCE',
      { badExperiences: [incident(10)] },
      ['BAD_EXPERIENCE 15'],
    ],
    ['a bad experience 89 days ago still counts', { badExperiences: [incident(89)] }, ['BAD_EXPERIENCE 15']],
    ['a bad experience 90 days ago no longer counts', { badExperiences: [incident(90)] }, []],
    [
      'a second bad experience within 90 days is TWO_STRIKES, which replaces BAD_EXPERIENCE',
      { badExperiences: [incident(40), nps(5, 4)] },
      ['TWO_STRIKES 40'],
    ],
    [
      'three bad experiences within 90 days are TWO_STRIKES at 55',
      { badExperiences: [incident(40), nps(5, 4), incident(1)] },
      ['TWO_STRIKES 55'],
    ],
    [
      'four bad experiences within 90 days stay at 55',
      { badExperiences: [incident(40), nps(5, 4), incident(1), nps(2, 0)] },
      ['TWO_STRIKES 55'],
    ],
    [
      'two bad experiences of which one is 90 days old are one bad experience',
      { badExperiences: [incident(90), nps(5, 4)] },
      ['BAD_EXPERIENCE 15'],
    ],

    ['one open incident is UNRESOLVED_INCIDENT at 10', { openIncidents: [open(DAY_MS)] }, ['UNRESOLVED_INCIDENT 10']],
    [
      'two open incidents are UNRESOLVED_INCIDENT at 20',
      { openIncidents: [open(DAY_MS), open(DAY_MS)] },
      ['UNRESOLVED_INCIDENT 20'],
    ],
    [
      'three open incidents are capped at 25',
      { openIncidents: [open(DAY_MS), open(DAY_MS), open(DAY_MS)] },
      ['UNRESOLVED_INCIDENT 25'],
    ],
    [
      'an open incident exactly at its due time has not breached its SLA',
      { openIncidents: [open(0)] },
      ['UNRESOLVED_INCIDENT 10'],
    ],
    [
      'an open incident a millisecond past due breaches its SLA',
      { openIncidents: [open(-1)] },
      ['UNRESOLVED_INCIDENT 10', 'SLA_BREACHED 10'],
    ],
    [
      'SLA_BREACHED counts once however many incidents are past due',
      { openIncidents: [open(-1), open(-DAY_MS), open(DAY_MS)] },
      ['UNRESOLVED_INCIDENT 25', 'SLA_BREACHED 10'],
    ],

    ['44 days without personal contact is not yet IGNORED', { lastPersonalContactAt: daysAgo(44) }, []],
    ['a millisecond short of 45 days is not yet IGNORED', { lastPersonalContactAt: msAgo(45 * DAY_MS - 1) }, []],
    ['45 days without personal contact is IGNORED at 10', { lastPersonalContactAt: daysAgo(45) }, ['IGNORED 10']],
    ['89 days without personal contact is IGNORED at 10', { lastPersonalContactAt: daysAgo(89) }, ['IGNORED 10']],
    ['90 days without personal contact is IGNORED at 20', { lastPersonalContactAt: daysAgo(90) }, ['IGNORED 20']],
    ['179 days without personal contact is IGNORED at 20', { lastPersonalContactAt: daysAgo(179) }, ['IGNORED 20']],
    ['180 days without personal contact is IGNORED at 30', { lastPersonalContactAt: daysAgo(180) }, ['IGNORED 30']],
    [
      'a customer never contacted counts from their earliest recorded event when it is older than their creation',
      { lastPersonalContactAt: null, createdAt: daysAgo(10), firstEventAt: daysAgo(95) },
      ['IGNORED 20'],
    ],
    [
      'a customer never contacted counts from their creation when it is older than their first event',
      { lastPersonalContactAt: null, createdAt: daysAgo(50), firstEventAt: daysAgo(20) },
      ['IGNORED 10'],
    ],
    [
      'a customer never contacted and with no events counts from their creation',
      { lastPersonalContactAt: null, createdAt: daysAgo(44), firstEventAt: null },
      [],
    ],

    ['a latest NPS answer of 6 is DETRACTOR', { latestNps: { score: 6, occurredAt: daysAgo(100) } }, ['DETRACTOR 15']],
    ['a latest NPS answer of 0 is DETRACTOR', { latestNps: { score: 0, occurredAt: daysAgo(100) } }, ['DETRACTOR 15']],
    ['a latest NPS answer of 7 is PASSIVE', { latestNps: { score: 7, occurredAt: daysAgo(100) } }, ['PASSIVE 5']],
    ['a latest NPS answer of 8 is PASSIVE', { latestNps: { score: 8, occurredAt: daysAgo(100) } }, ['PASSIVE 5']],
    ['a latest NPS answer of 9 is PROMOTER', { latestNps: { score: 9, occurredAt: daysAgo(100) } }, ['PROMOTER -10']],
    ['a latest NPS answer of 10 is PROMOTER', { latestNps: { score: 10, occurredAt: daysAgo(364) } }, ['PROMOTER -10']],
    ['an NPS answer 365 days old no longer counts', { latestNps: { score: 2, occurredAt: daysAgo(365) } }, []],

    [
      'no purchases or contacts in 90 days after 2 in the 90 days before is ENGAGEMENT_DROP',
      { activity: [daysAgo(100), daysAgo(170)] },
      ['ENGAGEMENT_DROP 15'],
    ],
    [
      '1 in the last 90 days after 2 before is not below half',
      { activity: [daysAgo(10), daysAgo(100), daysAgo(170)] },
      [],
    ],
    ['a drop needs at least 2 in the 90 days before', { activity: [daysAgo(100)] }, []],
    [
      '4 in the last 90 days after 10 before is below half',
      { activity: [...[1, 2, 3, 4].map(daysAgo), ...[91, 95, 100, 110, 120, 130, 140, 150, 160, 179].map(daysAgo)] },
      ['ENGAGEMENT_DROP 15'],
    ],
    [
      '5 in the last 90 days after 10 before is exactly half, not below',
      {
        activity: [...[1, 2, 3, 4, 5].map(daysAgo), ...[91, 95, 100, 110, 120, 130, 140, 150, 160, 179].map(daysAgo)],
      },
      [],
    ],
    ['activity 180 days old is outside both windows', { activity: [daysAgo(100), daysAgo(180)] }, []],
    [
      'activity exactly 90 days old belongs to the 90 days before',
      { activity: [daysAgo(90), daysAgo(91)] },
      ['ENGAGEMENT_DROP 15'],
    ],

    [
      'an incident resolved to the customer’s satisfaction 89 days ago is RECOVERED',
      { recoveries: [{ occurredAt: daysAgo(89) }] },
      ['RECOVERED -10'],
    ],
    [
      'two recoveries count once',
      { recoveries: [{ occurredAt: daysAgo(10) }, { occurredAt: daysAgo(20) }] },
      ['RECOVERED -10'],
    ],
    ['a recovery 90 days ago no longer counts', { recoveries: [{ occurredAt: daysAgo(90) }] }, []],

    [
      'factors come in the order of the spec’s table',
      {
        latestNps: { score: 10, occurredAt: daysAgo(3) },
        recoveries: [{ occurredAt: daysAgo(3) }],
        lastPersonalContactAt: daysAgo(50),
        badExperiences: [incident(3)],
        openIncidents: [open(-1)],
        activity: [daysAgo(100), daysAgo(101)],
      },
      [
        'BAD_EXPERIENCE 15',
        'UNRESOLVED_INCIDENT 10',
        'SLA_BREACHED 10',
        'IGNORED 10',
        'ENGAGEMENT_DROP 15',
        'RECOVERED -10',
        'PROMOTER -10',
      ],
    ],
  ])('%s', (_name, facts, expected) => {
    expect(factorsOf(facts)).toEqual(expected);
  });

  it('a factor weighted 0 by the organization is left out', () => {
    const risk = computeChurnRisk({ ...calm, badExperiences: [incident(3)] }, { ...settings, badExperience: 0 }, now);
    expect(risk.factors).toEqual([]);
  });
});

describe('the churn-risk score and level', () => {
  it.each<[number, RiskLevel]>([
    [29, 'LOW'],
    [30, 'MEDIUM'],
    [49, 'MEDIUM'],
    [50, 'HIGH'],
    [69, 'HIGH'],
    [70, 'CRITICAL'],
  ])('a score of %i is %s', (points, level) => {
    const risk = computeChurnRisk(
      { ...calm, badExperiences: [incident(3)] },
      { ...settings, badExperience: points },
      now,
    );
    expect([risk.score, risk.level]).toEqual([points, level]);
  });

  it('the sum of every factor is capped at 100', () => {
    const risk = computeChurnRisk(
      {
        ...calm,
        lastPersonalContactAt: daysAgo(200),
        badExperiences: [incident(3), nps(2, 1), incident(1)],
        openIncidents: [open(-1), open(-1), open(-1)],
        latestNps: { score: 1, occurredAt: daysAgo(2) },
        activity: [daysAgo(100), daysAgo(101)],
      },
      settings,
      now,
    );
    expect(risk.factors.reduce((sum, factor) => sum + factor.points, 0)).toBe(150);
    expect([risk.score, risk.level]).toEqual([100, 'CRITICAL']);
  });

  it('good news alone never takes the score below 0', () => {
    const risk = computeChurnRisk(
      { ...calm, latestNps: { score: 10, occurredAt: daysAgo(2) }, recoveries: [{ occurredAt: daysAgo(2) }] },
      settings,
      now,
    );
    expect([risk.score, risk.level]).toEqual([0, 'LOW']);
  });

  it('good news offsets bad: TWO_STRIKES 40 with a recovery and a promoter answer is 20', () => {
    const risk = computeChurnRisk(
      {
        ...calm,
        badExperiences: [incident(30), incident(20)],
        latestNps: { score: 9, occurredAt: daysAgo(2) },
        recoveries: [{ occurredAt: daysAgo(2) }],
      },
      settings,
      now,
    );
    expect([risk.score, risk.level]).toEqual([20, 'LOW']);
  });

  it('spend is not an input: the facts have no money in them', () => {
    expect(Object.keys(calm).sort()).toEqual([
      'activity',
      'badExperiences',
      'concerns',
      'createdAt',
      'firstEventAt',
      'lastPersonalContactAt',
      'latestNps',
      'openIncidents',
      'recoveries',
    ]);
  });
});

describe('what each factor carries for its sentence', () => {
  it('strikes carry the count and the experiences, oldest first, with their scores and dates', () => {
    const risk = computeChurnRisk({ ...calm, badExperiences: [nps(10, 4), incident(30)] }, settings, now);
    expect(risk.factors[0]).toEqual({
      code: 'TWO_STRIKES',
      points: 40,
      params: {
        count: 2,
        experiences: [
          { cause: 'INCIDENT', occurredAt: daysAgo(30).toISOString() },
          { cause: 'NPS', score: 4, occurredAt: daysAgo(10).toISOString() },
        ],
      },
    });
  });

  it('strikes list at most the 5 most recent experiences but count them all', () => {
    const risk = computeChurnRisk({ ...calm, badExperiences: [1, 2, 3, 4, 5, 6, 7].map(incident) }, settings, now);
    const factor = risk.factors[0];
    expect(factor.code === 'TWO_STRIKES' && [factor.params.count, factor.params.experiences.length]).toEqual([7, 5]);
    expect(factor.code === 'TWO_STRIKES' && factor.params.experiences[0].occurredAt).toBe(daysAgo(5).toISOString());
  });

  it.each<[string, Partial<ChurnRiskFacts>, unknown]>([
    [
      'IGNORED carries the days and since when',
      { lastPersonalContactAt: daysAgo(97) },
      { code: 'IGNORED', points: 20, params: { days: 97, since: daysAgo(97).toISOString(), neverContacted: false } },
    ],
    [
      'SLA_BREACHED carries how many and the earliest due time',
      { openIncidents: [open(-1), open(-DAY_MS)] },
      { code: 'SLA_BREACHED', points: 10, params: { count: 2, firstDueAt: msAgo(DAY_MS).toISOString() } },
    ],
    [
      'DETRACTOR carries the score and when it was given',
      { latestNps: { score: 3, occurredAt: daysAgo(4) } },
      { code: 'DETRACTOR', points: 15, params: { score: 3, answeredAt: daysAgo(4).toISOString() } },
    ],
    [
      'ENGAGEMENT_DROP carries both counts',
      { activity: [daysAgo(10), daysAgo(100), daysAgo(110), daysAgo(120)] },
      { code: 'ENGAGEMENT_DROP', points: 15, params: { recent: 1, previous: 3 } },
    ],
    [
      'RECOVERED carries how many and the latest',
      { recoveries: [{ occurredAt: daysAgo(40) }, { occurredAt: daysAgo(4) }] },
      { code: 'RECOVERED', points: -10, params: { count: 2, lastAt: daysAgo(4).toISOString() } },
    ],
  ])('%s', (_name, facts, expected) => {
    expect(computeChurnRisk({ ...calm, ...facts }, settings, now).factors.at(-1)).toEqual(expected);
  });
});

describe('when time alone next changes the risk', () => {
  it.each<[string, Partial<ChurnRiskFacts>, Date | null]>([
    ['a customer contacted yesterday changes when 45 days have passed', {}, daysAhead(44)],
    ['at 45 days without contact the next step is 90 days', { lastPersonalContactAt: daysAgo(45) }, daysAhead(45)],
    ['at 90 days without contact the next step is 180 days', { lastPersonalContactAt: daysAgo(179) }, daysAhead(1)],
    [
      'after 180 days without contact and nothing else, time changes nothing',
      { lastPersonalContactAt: daysAgo(180) },
      null,
    ],
    [
      'a bad experience changes the risk when it leaves the 90 days',
      { lastPersonalContactAt: now, badExperiences: [incident(60)] },
      daysAhead(30),
    ],
    [
      'the oldest of four strikes leaving changes the sentence though the points stay',
      { lastPersonalContactAt: now, badExperiences: [incident(80), incident(30), incident(20), incident(10)] },
      daysAhead(10),
    ],
    [
      'an open incident changes the risk one millisecond after its due time',
      { openIncidents: [open(2 * 60 * 60 * 1000)] },
      new Date(now.getTime() + 2 * 60 * 60 * 1000 + 1),
    ],
    [
      'a breached incident stays breached: the next change is elsewhere',
      { lastPersonalContactAt: daysAgo(200), openIncidents: [open(-1)] },
      null,
    ],
    [
      'the latest NPS answer changes the risk when it is 365 days old',
      { lastPersonalContactAt: daysAgo(200), latestNps: { score: 9, occurredAt: daysAgo(300) } },
      daysAhead(65),
    ],
    [
      'a recovery changes the risk when it leaves the 90 days',
      { lastPersonalContactAt: daysAgo(200), recoveries: [{ occurredAt: daysAgo(80) }] },
      daysAhead(10),
    ],
    [
      'an engagement drop ends when the older activity leaves the 180 days',
      { lastPersonalContactAt: daysAgo(200), activity: [daysAgo(100), daysAgo(120)] },
      daysAhead(60),
    ],
    [
      'activity moving into the 90 days before starts a drop only when the counts say so',
      { lastPersonalContactAt: daysAgo(200), activity: [daysAgo(10), daysAgo(20), daysAgo(30)] },
      daysAhead(80),
    ],
  ])('%s', (_name, facts, expected) => {
    expect(computeChurnRisk({ ...calm, ...facts }, settings, now).nextChangeAt).toEqual(expected);
  });

  it('recomputing a millisecond before nextChangeAt gives the same factors, and at it different ones', () => {
    const facts = { ...calm, lastPersonalContactAt: daysAgo(200), activity: [daysAgo(10), daysAgo(20), daysAgo(30)] };
    const pointsAt = (at: Date) =>
      computeChurnRisk(facts, settings, at).factors.map((factor) => `${factor.code} ${factor.points}`);
    const changeAt = computeChurnRisk(facts, settings, now).nextChangeAt as Date;
    expect(pointsAt(new Date(changeAt.getTime() - 1))).toEqual(['IGNORED 30']);
    expect(pointsAt(changeAt)).toEqual(['IGNORED 30', 'ENGAGEMENT_DROP 15']);
  });
});

describe('a staff concern', () => {
  const concern = (days: number, note = 'Sounded fed up on the phone') => ({
    flaggedAt: daysAgo(days),
    by: 'Mette',
    note,
  });

  it('adds STAFF_CONCERN +15 with who flagged it and the note', () => {
    const risk = computeChurnRisk({ ...calm, concerns: [concern(3)] }, settings, now);
    expect(risk.factors).toEqual([
      {
        code: 'STAFF_CONCERN',
        points: 15,
        params: { count: 1, by: 'Mette', note: 'Sounded fed up on the phone', flaggedAt: daysAgo(3).toISOString() },
      },
    ]);
    expect(risk.score).toBe(15);
  });

  it('counts for 30 days: at 29 days it is there, at 30 it is gone', () => {
    expect(factorsOf({ concerns: [concern(29)] })).toEqual(['STAFF_CONCERN 15']);
    expect(factorsOf({ concerns: [concern(30)] })).toEqual([]);
  });

  it('explains the newest of several concerns and counts them', () => {
    const risk = computeChurnRisk({ ...calm, concerns: [concern(20, 'old'), concern(2, 'new')] }, settings, now);
    expect(risk.factors[0].params).toMatchObject({ count: 2, note: 'new' });
  });

  it('says when the concern expires, so the background job takes the points away on time', () => {
    expect(computeChurnRisk({ ...calm, concerns: [concern(10)] }, settings, now).nextChangeAt).toEqual(daysAhead(20));
  });
});
