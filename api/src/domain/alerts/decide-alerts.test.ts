import { describe, expect, it } from 'vitest';
import type { AlertKind, AlertSeverity, AlertStatus, IncidentSeverity, IncidentStatus, RiskLevel } from '../types.ts';
import { DAY_MS, HOUR_MS } from '../time/duration.ts';
import { decideAlerts, type AlertAction, type CustomerAlertFacts } from './decide-alerts.ts';

const now = new Date('2026-06-15T12:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * HOUR_MS);

/** A customer with nothing to alert about. */
const calm: CustomerAlertFacts = {
  customerName: 'Freja Holm',
  previousLevel: 'LOW',
  risk: { level: 'LOW', score: 0, factors: [] },
  experiences: [],
  feedback: [],
  ignored: null,
  incidents: [],
  alerts: [],
  topSpender: false,
};

const actionsFor = (facts: Partial<CustomerAlertFacts>) => decideAlerts({ ...calm, ...facts }, now).actions;

type Row = [string, Partial<CustomerAlertFacts>, AlertAction[]];

const alert = (
  id: string,
  kind: AlertKind,
  {
    status = 'OPEN',
    severity = 'WARNING',
    incidentId = null,
    causedAt = null,
  }: Partial<{
    status: AlertStatus;
    severity: AlertSeverity;
    incidentId: string | null;
    causedAt: Date | null;
  }> = {},
): CustomerAlertFacts['alerts'][number] => ({ id, kind, status, severity, incidentId, causedAt });

const level = (previousLevel: RiskLevel, next: RiskLevel, score: number): Partial<CustomerAlertFacts> => ({
  previousLevel,
  risk: { level: next, score, factors: [] },
});

describe('CHURN_RISK: raised when the level rises to HIGH or CRITICAL, resolved below HIGH', () => {
  it.each<Row>([
    [
      'rising from MEDIUM to HIGH raises a WARNING',
      level('MEDIUM', 'HIGH', 55),
      [
        {
          action: 'RAISE',
          cause: {
            kind: 'CHURN_RISK',
            incidentId: null,
            severity: 'WARNING',
            causedAt: now,
            reason: { code: 'CHURN_RISK', params: { customerName: 'Freja Holm', level: 'HIGH', score: 55 } },
          },
        },
      ],
    ],
    [
      'rising from LOW to CRITICAL raises a CRITICAL',
      level('LOW', 'CRITICAL', 75),
      [
        {
          action: 'RAISE',
          cause: {
            kind: 'CHURN_RISK',
            incidentId: null,
            severity: 'CRITICAL',
            causedAt: now,
            reason: { code: 'CHURN_RISK', params: { customerName: 'Freja Holm', level: 'CRITICAL', score: 75 } },
          },
        },
      ],
    ],
    [
      'rising from HIGH to CRITICAL escalates the open alert instead of adding one',
      { ...level('HIGH', 'CRITICAL', 72), alerts: [alert('churn', 'CHURN_RISK', { causedAt: daysAgo(3) })] },
      [
        {
          action: 'ESCALATE',
          alertId: 'churn',
          cause: {
            kind: 'CHURN_RISK',
            incidentId: null,
            severity: 'CRITICAL',
            causedAt: now,
            reason: { code: 'CHURN_RISK', params: { customerName: 'Freja Holm', level: 'CRITICAL', score: 72 } },
          },
        },
      ],
    ],
    [
      'rising from HIGH to CRITICAL after a person resolved the alert raises a new one',
      {
        ...level('HIGH', 'CRITICAL', 72),
        alerts: [alert('churn', 'CHURN_RISK', { status: 'RESOLVED', causedAt: daysAgo(3) })],
      },
      [
        {
          action: 'RAISE',
          cause: {
            kind: 'CHURN_RISK',
            incidentId: null,
            severity: 'CRITICAL',
            causedAt: now,
            reason: { code: 'CHURN_RISK', params: { customerName: 'Freja Holm', level: 'CRITICAL', score: 72 } },
          },
        },
      ],
    ],
    [
      'falling from HIGH to MEDIUM resolves the open alert: the risk fell below high',
      { ...level('HIGH', 'MEDIUM', 45), alerts: [alert('churn', 'CHURN_RISK', { status: 'ACKNOWLEDGED' })] },
      [{ action: 'RESOLVE', alertId: 'churn', note: 'RISK_BELOW_HIGH' }],
    ],
    [
      'falling below HIGH with no open alert does nothing',
      { ...level('CRITICAL', 'LOW', 10), alerts: [alert('churn', 'CHURN_RISK', { status: 'RESOLVED' })] },
      [],
    ],
    [
      'falling from CRITICAL to HIGH leaves the open alert as it is',
      { ...level('CRITICAL', 'HIGH', 60), alerts: [alert('churn', 'CHURN_RISK', { severity: 'CRITICAL' })] },
      [],
    ],
    ['staying HIGH raises nothing again', { ...level('HIGH', 'HIGH', 58), alerts: [alert('churn', 'CHURN_RISK')] }, []],
    ['rising from LOW to MEDIUM raises nothing', level('LOW', 'MEDIUM', 35), []],
  ])('%s', (_name, facts, expected) => {
    expect(actionsFor(facts)).toEqual(expected);
  });
});

const strikeParams = (count: number, ...days: number[]) => ({
  count,
  experiences: days.map((ago) => ({ cause: 'INCIDENT', occurredAt: daysAgo(ago).toISOString() })),
});

/** Bad experiences this many days ago, with the TWO_STRIKES factor they make. */
const strikes = (...days: number[]): Partial<CustomerAlertFacts> => ({
  previousLevel: 'MEDIUM',
  risk: {
    level: 'MEDIUM',
    score: 40,
    factors: [{ code: 'TWO_STRIKES', points: 40, params: strikeParams(days.length, ...days) }],
  },
  experiences: days.map((ago) => ({ kind: 'BAD_EXPERIENCE', occurredAt: daysAgo(ago) })),
});

describe('TWO_STRIKES: raised once per new strike, CRITICAL, left for a person to resolve', () => {
  it.each<Row>([
    [
      'a second bad experience within 90 days raises a CRITICAL alert caused by the newest one',
      strikes(20, 2),
      [
        {
          action: 'RAISE',
          cause: {
            kind: 'TWO_STRIKES',
            incidentId: null,
            severity: 'CRITICAL',
            causedAt: daysAgo(2),
            reason: {
              code: 'TWO_STRIKES',
              params: { customerName: 'Freja Holm', ...strikeParams(2, 20, 2) },
            },
          },
        },
      ],
    ],
    [
      'the same strikes raise nothing again, even after a person resolved the alert',
      { ...strikes(20, 2), alerts: [alert('strikes', 'TWO_STRIKES', { status: 'RESOLVED', causedAt: daysAgo(2) })] },
      [],
    ],
    [
      'a third strike escalates the open alert instead of adding one',
      {
        ...strikes(20, 2, 1),
        alerts: [alert('strikes', 'TWO_STRIKES', { severity: 'CRITICAL', causedAt: daysAgo(2) })],
      },
      [
        {
          action: 'ESCALATE',
          alertId: 'strikes',
          cause: {
            kind: 'TWO_STRIKES',
            incidentId: null,
            severity: 'CRITICAL',
            causedAt: daysAgo(1),
            reason: {
              code: 'TWO_STRIKES',
              params: { customerName: 'Freja Holm', ...strikeParams(3, 20, 2, 1) },
            },
          },
        },
      ],
    ],
    [
      'a third strike after a person resolved the alert raises a new one',
      { ...strikes(20, 2, 1), alerts: [alert('strikes', 'TWO_STRIKES', { status: 'RESOLVED', causedAt: daysAgo(2) })] },
      [
        {
          action: 'RAISE',
          cause: {
            kind: 'TWO_STRIKES',
            incidentId: null,
            severity: 'CRITICAL',
            causedAt: daysAgo(1),
            reason: {
              code: 'TWO_STRIKES',
              params: { customerName: 'Freja Holm', ...strikeParams(3, 20, 2, 1) },
            },
          },
        },
      ],
    ],
    [
      'a recovery after the strikes is no new strike',
      {
        ...strikes(20, 2),
        experiences: [...(strikes(20, 2).experiences ?? []), { kind: 'RECOVERY', occurredAt: daysAgo(1) }],
        alerts: [alert('strikes', 'TWO_STRIKES', { causedAt: daysAgo(2) })],
      },
      [],
    ],
    [
      'a single bad experience raises nothing',
      { experiences: [{ kind: 'BAD_EXPERIENCE', occurredAt: daysAgo(2) }] },
      [],
    ],
  ])('%s', (_name, facts, expected) => {
    expect(actionsFor(facts)).toEqual(expected);
  });
});

const incident = ({
  id = 'inc',
  severity = 'HIGH',
  status = 'OPEN',
  openedAt = hoursAgo(2),
  slaDueAt = hoursAgo(-22),
  resolvedAt = null,
}: Partial<{
  id: string;
  severity: IncidentSeverity;
  status: IncidentStatus;
  openedAt: Date;
  slaDueAt: Date;
  resolvedAt: Date | null;
}> = {}): CustomerAlertFacts['incidents'][number] => ({
  id,
  title: 'Sofa delivered broken',
  severity,
  status,
  openedAt,
  slaDueAt,
  resolvedAt,
});

describe('INCIDENT: raised for a HIGH or CRITICAL incident, resolved with it', () => {
  it.each<Row>([
    [
      'a HIGH incident raises a WARNING',
      { incidents: [incident({ severity: 'HIGH' })] },
      [
        {
          action: 'RAISE',
          cause: {
            kind: 'INCIDENT',
            incidentId: 'inc',
            severity: 'WARNING',
            causedAt: hoursAgo(2),
            reason: {
              code: 'INCIDENT',
              params: {
                customerName: 'Freja Holm',
                incidentTitle: 'Sofa delivered broken',
                severity: 'HIGH',
                dueAt: '2026-06-16T10:00:00.000Z',
              },
            },
          },
        },
      ],
    ],
    [
      'a CRITICAL incident raises a CRITICAL',
      { incidents: [incident({ severity: 'CRITICAL', slaDueAt: hoursAgo(-2) })] },
      [
        {
          action: 'RAISE',
          cause: {
            kind: 'INCIDENT',
            incidentId: 'inc',
            severity: 'CRITICAL',
            causedAt: hoursAgo(2),
            reason: {
              code: 'INCIDENT',
              params: {
                customerName: 'Freja Holm',
                incidentTitle: 'Sofa delivered broken',
                severity: 'CRITICAL',
                dueAt: '2026-06-15T14:00:00.000Z',
              },
            },
          },
        },
      ],
    ],
    ['a MEDIUM incident raises nothing', { incidents: [incident({ severity: 'MEDIUM' })] }, []],
    ['a LOW incident raises nothing', { incidents: [incident({ severity: 'LOW' })] }, []],
    [
      'an incident already alerted raises nothing again',
      { incidents: [incident()], alerts: [alert('inc-alert', 'INCIDENT', { incidentId: 'inc' })] },
      [],
    ],
    [
      'an incident whose alert a person resolved raises nothing again',
      {
        incidents: [incident({ severity: 'CRITICAL' })],
        alerts: [alert('inc-alert', 'INCIDENT', { incidentId: 'inc', status: 'RESOLVED' })],
      },
      [],
    ],
    [
      'an incident raised to CRITICAL escalates its open alert to CRITICAL',
      {
        incidents: [incident({ severity: 'CRITICAL' })],
        alerts: [alert('inc-alert', 'INCIDENT', { incidentId: 'inc', severity: 'WARNING' })],
      },
      [
        {
          action: 'ESCALATE',
          alertId: 'inc-alert',
          cause: {
            kind: 'INCIDENT',
            incidentId: 'inc',
            severity: 'CRITICAL',
            causedAt: hoursAgo(2),
            reason: {
              code: 'INCIDENT',
              params: {
                customerName: 'Freja Holm',
                incidentTitle: 'Sofa delivered broken',
                severity: 'CRITICAL',
                dueAt: '2026-06-16T10:00:00.000Z',
              },
            },
          },
        },
      ],
    ],
    [
      'each incident has its own alert: a second incident raises a second one',
      {
        incidents: [incident({ id: 'first' }), incident({ id: 'second', severity: 'CRITICAL' })],
        alerts: [alert('first-alert', 'INCIDENT', { incidentId: 'first' })],
      },
      [
        {
          action: 'RAISE',
          cause: {
            kind: 'INCIDENT',
            incidentId: 'second',
            severity: 'CRITICAL',
            causedAt: hoursAgo(2),
            reason: {
              code: 'INCIDENT',
              params: {
                customerName: 'Freja Holm',
                incidentTitle: 'Sofa delivered broken',
                severity: 'CRITICAL',
                dueAt: '2026-06-16T10:00:00.000Z',
              },
            },
          },
        },
      ],
    ],
    [
      'an incident IN_PROGRESS is still open: its alert stays',
      {
        incidents: [incident({ status: 'IN_PROGRESS' })],
        alerts: [alert('inc-alert', 'INCIDENT', { incidentId: 'inc' })],
      },
      [],
    ],
    [
      'a resolved incident resolves its open alert',
      {
        incidents: [incident({ status: 'RESOLVED', resolvedAt: hoursAgo(1) })],
        alerts: [alert('inc-alert', 'INCIDENT', { incidentId: 'inc' })],
      },
      [{ action: 'RESOLVE', alertId: 'inc-alert', note: 'INCIDENT_RESOLVED' }],
    ],
    [
      'a closed incident resolves its open alert too',
      {
        incidents: [incident({ status: 'CLOSED', resolvedAt: hoursAgo(1) })],
        alerts: [alert('inc-alert', 'INCIDENT', { incidentId: 'inc', status: 'ACKNOWLEDGED' })],
      },
      [{ action: 'RESOLVE', alertId: 'inc-alert', note: 'INCIDENT_RESOLVED' }],
    ],
  ])('%s', (_name, facts, expected) => {
    expect(actionsFor(facts)).toEqual(expected);
  });
});

describe('SLA_BREACH: raised once when an open incident passes its SLA, resolved with the incident', () => {
  it.each<Row>([
    [
      'a LOW incident past its due time raises a WARNING breach, and no incident alert',
      { incidents: [incident({ severity: 'LOW', openedAt: daysAgo(8), slaDueAt: daysAgo(1) })] },
      [
        {
          action: 'RAISE',
          cause: {
            kind: 'SLA_BREACH',
            incidentId: 'inc',
            severity: 'WARNING',
            causedAt: daysAgo(1),
            reason: {
              code: 'SLA_BREACH',
              params: {
                customerName: 'Freja Holm',
                incidentTitle: 'Sofa delivered broken',
                dueAt: '2026-06-14T12:00:00.000Z',
              },
            },
          },
        },
      ],
    ],
    [
      'an incident exactly at its due time is still in time',
      { incidents: [incident({ severity: 'LOW', openedAt: daysAgo(7), slaDueAt: now })] },
      [],
    ],
    [
      'a breach already raised is not raised again, even after a person resolved it',
      {
        incidents: [incident({ openedAt: daysAgo(2), slaDueAt: daysAgo(1) })],
        alerts: [
          alert('inc-alert', 'INCIDENT', { incidentId: 'inc' }),
          alert('breach', 'SLA_BREACH', { incidentId: 'inc', status: 'RESOLVED' }),
        ],
      },
      [],
    ],
    [
      'a resolved incident resolves both its incident alert and its breach',
      {
        incidents: [
          incident({ status: 'RESOLVED', openedAt: daysAgo(2), slaDueAt: daysAgo(1), resolvedAt: hoursAgo(1) }),
        ],
        alerts: [
          alert('inc-alert', 'INCIDENT', { incidentId: 'inc' }),
          alert('breach', 'SLA_BREACH', { incidentId: 'inc' }),
        ],
      },
      [
        { action: 'RESOLVE', alertId: 'inc-alert', note: 'INCIDENT_RESOLVED' },
        { action: 'RESOLVE', alertId: 'breach', note: 'INCIDENT_RESOLVED' },
      ],
    ],
    [
      'an incident resolved late raises no breach afterwards',
      {
        incidents: [
          incident({
            severity: 'LOW',
            status: 'RESOLVED',
            openedAt: daysAgo(8),
            slaDueAt: daysAgo(1),
            resolvedAt: now,
          }),
        ],
      },
      [],
    ],
  ])('%s', (_name, facts, expected) => {
    expect(actionsFor(facts)).toEqual(expected);
  });
});

/** Crossed 90 days without personal contact: the quiet stretch began this many days ago. */
const quietFor = (days: number, neverContacted = false): CustomerAlertFacts['ignored'] => ({
  days,
  since: daysAgo(days).toISOString(),
  neverContacted,
});

describe('IGNORED: INFO, WARNING for a top spender, resolved by a personal contact', () => {
  it.each<Row>([
    [
      '95 days without personal contact raise an INFO',
      { ignored: quietFor(95), topSpender: false },
      [
        {
          action: 'RAISE',
          cause: {
            kind: 'IGNORED',
            incidentId: null,
            severity: 'INFO',
            causedAt: daysAgo(95),
            reason: { code: 'IGNORED', params: { customerName: 'Freja Holm', days: 95, neverContacted: false } },
          },
        },
      ],
    ],
    [
      'a top spender never contacted raises a WARNING: the stakes',
      { ignored: quietFor(120, true), topSpender: true },
      [
        {
          action: 'RAISE',
          cause: {
            kind: 'IGNORED',
            incidentId: null,
            severity: 'WARNING',
            causedAt: daysAgo(120),
            reason: { code: 'IGNORED', params: { customerName: 'Freja Holm', days: 120, neverContacted: true } },
          },
        },
      ],
    ],
    [
      'a quiet stretch already alerted raises nothing again, even after a person resolved it',
      { ignored: quietFor(130), alerts: [alert('quiet', 'IGNORED', { status: 'RESOLVED', causedAt: daysAgo(130) })] },
      [],
    ],
    [
      'a new quiet stretch while the old alert is open escalates it instead of adding one',
      {
        ignored: quietFor(91),
        topSpender: true,
        alerts: [alert('quiet', 'IGNORED', { severity: 'INFO', causedAt: daysAgo(300) })],
      },
      [
        {
          action: 'ESCALATE',
          alertId: 'quiet',
          cause: {
            kind: 'IGNORED',
            incidentId: null,
            severity: 'WARNING',
            causedAt: daysAgo(91),
            reason: { code: 'IGNORED', params: { customerName: 'Freja Holm', days: 91, neverContacted: false } },
          },
        },
      ],
    ],
    [
      'a personal contact resolves the open alert',
      { ignored: null, alerts: [alert('quiet', 'IGNORED', { severity: 'INFO', causedAt: daysAgo(100) })] },
      [{ action: 'RESOLVE', alertId: 'quiet', note: 'PERSONAL_CONTACT' }],
    ],
    ['a customer contacted within 90 days raises nothing', { ignored: null }, []],
  ])('%s', (_name, facts, expected) => {
    expect(actionsFor(facts)).toEqual(expected);
  });

  it('asks whether the customer is a top spender only when an IGNORED alert is due, deciding the rest meanwhile', () => {
    expect(
      decideAlerts({ ...calm, ...level('MEDIUM', 'HIGH', 55), ignored: quietFor(95), topSpender: undefined }, now),
    ).toEqual({
      actions: [
        {
          action: 'RAISE',
          cause: {
            kind: 'CHURN_RISK',
            incidentId: null,
            severity: 'WARNING',
            causedAt: now,
            reason: { code: 'CHURN_RISK', params: { customerName: 'Freja Holm', level: 'HIGH', score: 55 } },
          },
        },
      ],
      needsTopSpender: true,
    });
  });

  it.each<[string, Partial<CustomerAlertFacts>]>([
    [
      'a stretch already alerted',
      { ignored: quietFor(95), alerts: [alert('quiet', 'IGNORED', { causedAt: daysAgo(95) })] },
    ],
    ['a customer contacted within 90 days', { ignored: null }],
  ])('does not ask about spend for %s', (_name, facts) => {
    expect(decideAlerts({ ...calm, ...facts, topSpender: undefined }, now).needsTopSpender).toBe(false);
  });
});

const nps = (score: number, occurredAt: Date, comment: string | null = null) => ({
  survey: { kind: 'NPS' as const },
  score,
  comment,
  occurredAt,
});

describe('DETRACTOR: raised once per NPS answer of 0–6, not for answers older than 30 days', () => {
  it.each<Row>([
    [
      'an NPS answer of 4 raises a WARNING with its comment',
      { feedback: [nps(4, daysAgo(2), 'Nobody called back.')] },
      [
        {
          action: 'RAISE',
          cause: {
            kind: 'DETRACTOR',
            incidentId: null,
            severity: 'WARNING',
            causedAt: daysAgo(2),
            reason: {
              code: 'DETRACTOR',
              params: { customerName: 'Freja Holm', score: 4, comment: 'Nobody called back.' },
            },
          },
        },
      ],
    ],
    [
      'an NPS answer of 6 without a comment raises a WARNING without one',
      { feedback: [nps(6, hoursAgo(1), '')] },
      [
        {
          action: 'RAISE',
          cause: {
            kind: 'DETRACTOR',
            incidentId: null,
            severity: 'WARNING',
            causedAt: hoursAgo(1),
            reason: { code: 'DETRACTOR', params: { customerName: 'Freja Holm', score: 6 } },
          },
        },
      ],
    ],
    ['an NPS answer of 7 raises nothing', { feedback: [nps(7, daysAgo(2))] }, []],
    [
      'a CSAT answer of 1 raises no detractor alert',
      { feedback: [{ ...nps(1, daysAgo(2)), survey: { kind: 'CSAT' } }] },
      [],
    ],
    ['an NPS answer given 31 days ago, imported late, is history', { feedback: [nps(3, daysAgo(31))] }, []],
    [
      'an answer already alerted raises nothing again, even after a person resolved it',
      {
        feedback: [nps(3, daysAgo(2))],
        alerts: [alert('detractor', 'DETRACTOR', { status: 'RESOLVED', causedAt: daysAgo(2) })],
      },
      [],
    ],
    [
      'a newer detractor answer escalates the open alert instead of adding one',
      {
        feedback: [nps(5, daysAgo(10)), nps(2, daysAgo(1))],
        alerts: [alert('detractor', 'DETRACTOR', { causedAt: daysAgo(10) })],
      },
      [
        {
          action: 'ESCALATE',
          alertId: 'detractor',
          cause: {
            kind: 'DETRACTOR',
            incidentId: null,
            severity: 'WARNING',
            causedAt: daysAgo(1),
            reason: { code: 'DETRACTOR', params: { customerName: 'Freja Holm', score: 2 } },
          },
        },
      ],
    ],
    [
      'two new detractor answers at once raise one alert, for the newest',
      { feedback: [nps(1, daysAgo(1)), nps(0, daysAgo(5))] },
      [
        {
          action: 'RAISE',
          cause: {
            kind: 'DETRACTOR',
            incidentId: null,
            severity: 'WARNING',
            causedAt: daysAgo(1),
            reason: { code: 'DETRACTOR', params: { customerName: 'Freja Holm', score: 1 } },
          },
        },
      ],
    ],
  ])('%s', (_name, facts, expected) => {
    expect(actionsFor(facts)).toEqual(expected);
  });
});

describe('one decision for every kind', () => {
  it('lists its actions in the order of the table: churn risk, strikes, detractor, ignored, incidents', () => {
    const decision = decideAlerts(
      {
        ...calm,
        ...strikes(20, 2),
        previousLevel: 'HIGH',
        risk: {
          level: 'CRITICAL',
          score: 80,
          factors: [{ code: 'TWO_STRIKES', points: 40, params: strikeParams(2, 20, 2) }],
        },
        feedback: [nps(3, daysAgo(2))],
        ignored: quietFor(95),
        incidents: [incident()],
        alerts: [alert('churn', 'CHURN_RISK')],
      },
      now,
    );
    expect(decision.actions.map((action) => `${action.action} ${'cause' in action ? action.cause.kind : ''}`)).toEqual([
      'ESCALATE CHURN_RISK',
      'RAISE TWO_STRIKES',
      'RAISE DETRACTOR',
      'RAISE IGNORED',
      'RAISE INCIDENT',
    ]);
  });
});
