// PRODUCT.md "Alerts": what one customer's new facts raise, escalate or resolve. The service
// gathers the facts and applies the decision; every rule of the table is here.
import type {
  AlertKind,
  AlertSeverity,
  AlertStatus,
  ExperienceKind,
  IncidentSeverity,
  IncidentStatus,
  RiskLevel,
  SurveyKind,
} from '../types.ts';
import type { ChurnRisk, RiskFactor } from '../risk/churn-risk.ts';
import { isBadExperience } from '../feedback/bad-experience.ts';
import { isIncidentOpen } from '../incidents/incident-status.ts';
import { isSlaBreached } from '../incidents/sla-breached.ts';
import { DAY_MS } from '../time/duration.ts';
import type { AlertReason } from './alert-text.ts';
import { alertSeverity } from './alert-severity.ts';
import { decideChurnRiskAlert } from './churn-risk-alert.ts';
import type { IgnoredAlert } from './ignored-alert.ts';
import type { ResolutionNoteCode } from './resolution-note.ts';

/** How recent a detractor answer must be to raise an alert. */
const DETRACTOR_NEWS_DAYS = 30;

export interface CustomerAlertFacts {
  customerName: string;
  /** The level stored before this computation. */
  previousLevel: RiskLevel;
  risk: Pick<ChurnRisk, 'level' | 'score' | 'factors'>;
  /** The customer's experiences of the last 90 days. */
  experiences: readonly { kind: ExperienceKind; occurredAt: Date }[];
  /** Survey answers of at least the last 30 days. */
  feedback: readonly {
    survey: { kind: SurveyKind } | null;
    score: number | null;
    comment: string | null;
    occurredAt: Date;
  }[];
  ignored: IgnoredAlert['due'];
  /** Open incidents, and those resolved recently enough to resolve their alerts. */
  incidents: readonly {
    id: string;
    title: string;
    severity: IncidentSeverity;
    status: IncidentStatus;
    openedAt: Date;
    slaDueAt: Date;
    resolvedAt: Date | null;
  }[];
  /**
   * The customer's open alerts and those raised in the last 400 days, oldest first: the latest of
   * a kind holds the cause it was last raised for, and a cause is raised once.
   */
  alerts: readonly {
    id: string;
    kind: AlertKind;
    severity: AlertSeverity;
    status: AlertStatus;
    incidentId: string | null;
    causedAt: Date | null;
  }[];
  /**
   * Whether the customer is in the organization's top 10% by 12-month spend. Finding out costs a
   * query, so undefined is fine until a decision says it needs it.
   */
  topSpender: boolean | undefined;
}

/** What an alert says and why: stored as a new alert, or as the new cause of the open one. */
export interface AlertCauseDecision {
  kind: AlertKind;
  incidentId: string | null;
  severity: AlertSeverity;
  causedAt: Date;
  reason: AlertReason;
}

export type AlertAction =
  | { action: 'RAISE'; cause: AlertCauseDecision }
  | { action: 'ESCALATE'; alertId: string; cause: AlertCauseDecision }
  | { action: 'RESOLVE'; alertId: string; note: ResolutionNoteCode };

export interface AlertDecision {
  /** In the order of the table, which is the order they are applied in. */
  actions: AlertAction[];
  /**
   * An IGNORED alert is due and its severity depends on `topSpender`, which was not given: decide
   * again with it. The actions leave that alert out until then.
   */
  needsTopSpender: boolean;
}

export function decideAlerts(facts: CustomerAlertFacts, now: Date): AlertDecision {
  const { customerName, risk, alerts } = facts;
  const actions: AlertAction[] = [];
  let needsTopSpender = false;

  const open = (kind: AlertKind, incidentId: string | null = null) =>
    alerts.find((alert) => alert.kind === kind && alert.status !== 'RESOLVED' && alert.incidentId === incidentId);
  const ofKind = (kind: AlertKind, incidentId: string | null) =>
    alerts.filter((alert) => alert.kind === kind && alert.incidentId === incidentId);
  const lastCause = (kind: AlertKind, incidentId: string | null = null) =>
    ofKind(kind, incidentId).at(-1)?.causedAt ?? null;
  const raisedBefore = (kind: AlertKind, incidentId: string) => ofKind(kind, incidentId).length > 0;
  // At most one open alert per kind and customer (or incident): a new cause escalates the open one.
  const raiseOrEscalate = (cause: AlertCauseDecision) => {
    const current = open(cause.kind, cause.incidentId);
    actions.push(current ? { action: 'ESCALATE', alertId: current.id, cause } : { action: 'RAISE', cause });
  };
  const resolve = (alert: { id: string } | undefined, note: ResolutionNoteCode) => {
    if (alert) actions.push({ action: 'RESOLVE', alertId: alert.id, note });
  };
  const factor = <C extends RiskFactor['code']>(code: C) =>
    risk.factors.find((candidate): candidate is Extract<RiskFactor, { code: C }> => candidate.code === code);

  // CHURN_RISK: rising to HIGH or CRITICAL raises or escalates; falling below HIGH resolves.
  const churn = decideChurnRiskAlert(facts.previousLevel, risk.level);
  if (churn.action === 'RAISE' || churn.action === 'ESCALATE') {
    raiseOrEscalate({
      kind: 'CHURN_RISK',
      incidentId: null,
      severity: churn.severity,
      causedAt: now,
      reason: { code: 'CHURN_RISK', params: { customerName, level: risk.level, score: risk.score } },
    });
  } else if (churn.action === 'RESOLVE') {
    resolve(open('CHURN_RISK'), 'RISK_BELOW_HIGH');
  }

  // TWO_STRIKES: a second (or later) bad experience within 90 days, raised once per new strike.
  const strikes = factor('TWO_STRIKES');
  if (strikes) {
    const newest = new Date(
      Math.max(
        ...facts.experiences
          .filter((experience) => experience.kind === 'BAD_EXPERIENCE')
          .map((experience) => experience.occurredAt.getTime()),
      ),
    );
    const last = lastCause('TWO_STRIKES');
    if (!last || newest > last) {
      raiseOrEscalate({
        kind: 'TWO_STRIKES',
        incidentId: null,
        severity: 'CRITICAL',
        causedAt: newest,
        reason: {
          code: 'TWO_STRIKES',
          params: { customerName, count: strikes.params.count, experiences: strikes.params.experiences },
        },
      });
    }
  }

  // DETRACTOR: each NPS answer of 0–6, raised once; an answer older than a month, imported
  // late, is history rather than news.
  const newsSince = now.getTime() - DETRACTOR_NEWS_DAYS * DAY_MS;
  const detractor = facts.feedback
    .filter(
      (answer): answer is typeof answer & { score: number } =>
        answer.survey?.kind === 'NPS' &&
        isBadExperience('NPS', answer.score) &&
        answer.occurredAt.getTime() > newsSince,
    )
    .sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime())[0];
  const lastDetractor = lastCause('DETRACTOR');
  if (detractor && (!lastDetractor || detractor.occurredAt > lastDetractor)) {
    raiseOrEscalate({
      kind: 'DETRACTOR',
      incidentId: null,
      severity: 'WARNING',
      causedAt: detractor.occurredAt,
      reason: {
        code: 'DETRACTOR',
        params: { customerName, score: detractor.score, ...(detractor.comment ? { comment: detractor.comment } : {}) },
      },
    });
  }

  // IGNORED: crossing 90 days without personal contact, once per quiet stretch; a contact resolves it.
  if (facts.ignored) {
    const since = new Date(facts.ignored.since);
    if (lastCause('IGNORED')?.getTime() !== since.getTime()) {
      if (facts.topSpender === undefined) {
        needsTopSpender = true;
      } else {
        raiseOrEscalate({
          kind: 'IGNORED',
          incidentId: null,
          severity: alertSeverity({ kind: 'IGNORED', topSpender: facts.topSpender })!,
          causedAt: since,
          reason: {
            code: 'IGNORED',
            params: { customerName, days: facts.ignored.days, neverContacted: facts.ignored.neverContacted },
          },
        });
      }
    }
  } else {
    resolve(open('IGNORED'), 'PERSONAL_CONTACT');
  }

  // INCIDENT and SLA_BREACH, per incident: raised once, resolved when the incident is.
  for (const incident of facts.incidents) {
    if (!isIncidentOpen(incident.status)) {
      resolve(open('INCIDENT', incident.id), 'INCIDENT_RESOLVED');
      resolve(open('SLA_BREACH', incident.id), 'INCIDENT_RESOLVED');
      continue;
    }
    const severity = alertSeverity({ kind: 'INCIDENT', incidentSeverity: incident.severity });
    const openAlert = open('INCIDENT', incident.id);
    // Raised once; a person who resolved it meanwhile is not overruled, but a rise to CRITICAL of
    // the open alert is news.
    if (
      severity &&
      (!raisedBefore('INCIDENT', incident.id) ||
        (openAlert && openAlert.severity !== severity && severity === 'CRITICAL'))
    ) {
      raiseOrEscalate({
        kind: 'INCIDENT',
        incidentId: incident.id,
        severity,
        causedAt: incident.openedAt,
        reason: {
          code: 'INCIDENT',
          params: {
            customerName,
            incidentTitle: incident.title,
            severity: incident.severity,
            dueAt: incident.slaDueAt.toISOString(),
          },
        },
      });
    }
    if (isSlaBreached(incident, now) && !raisedBefore('SLA_BREACH', incident.id)) {
      raiseOrEscalate({
        kind: 'SLA_BREACH',
        incidentId: incident.id,
        severity: 'WARNING',
        causedAt: incident.slaDueAt,
        reason: {
          code: 'SLA_BREACH',
          params: { customerName, incidentTitle: incident.title, dueAt: incident.slaDueAt.toISOString() },
        },
      });
    }
  }

  return { actions, needsTopSpender };
}
