// Alerts: at most one open alert per kind and customer (or incident), stored with their events in
// one transaction, so a board that reconnects can fetch every alert it missed.
import { randomUUID } from 'node:crypto';
import type { Prisma } from '../generated/prisma/client.ts';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { AuthenticatedCaller } from '../auth/caller.ts';
import type { TenantTx } from '../db/client.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import type { AlertKind, AlertSeverity, AlertStatus } from '../domain/types.ts';
import { alertOpenKey } from '../domain/alerts/open-key.ts';
import type { AlertReason } from '../domain/alerts/alert-text.ts';
import type { ResolutionNoteCode } from '../domain/alerts/resolution-note.ts';
import { runtime, tenantDb } from '../runtime.ts';
import { emit } from './event-log.service.ts';
import { writeTransaction } from './transaction.service.ts';

const SEVERITY_RANK: Record<AlertSeverity, number> = { INFO: 0, WARNING: 1, CRITICAL: 2 };

/** What a write to alerts leaves to announce in its events. */
interface AlertChange {
  alertId: string;
  kind: AlertKind;
  severity: AlertSeverity;
  status: AlertStatus;
  customerId: string;
  incidentId: string | null;
}

export interface AlertNews {
  raised: AlertChange[];
  updated: AlertChange[];
}

export const noNews = (): AlertNews => ({ raised: [], updated: [] });

export interface AlertCause {
  kind: AlertKind;
  customerId: string;
  incidentId?: string | null;
  severity: AlertSeverity;
  reason: AlertReason;
  causedAt: Date;
  /** Whom a new alert goes to (a STAFF_CONCERN: the customer's account manager). */
  assigneeId?: string | null;
}

type OpenAlert = Pick<
  Prisma.AlertModel,
  'id' | 'kind' | 'severity' | 'status' | 'customerId' | 'incidentId' | 'openKey'
>;

/**
 * Raises the alert, or escalates the open one of its kind and customer (or incident): a higher
 * severity, new words and a new updatedAt instead of a second alert.
 */
export async function raiseOrEscalate(
  tx: TenantTx,
  organizationId: string,
  cause: AlertCause,
  open: OpenAlert | undefined,
  now: Date,
  news: AlertNews,
): Promise<void> {
  const current = open ?? (await raiseUnlessOpen(tx, organizationId, cause, now, news));
  if (current) await escalate(tx, cause, current, now, news);
}

/**
 * Stores a new open alert and returns null, or, when a concurrent transaction stored one under the
 * same open key first, returns that one to escalate. The insert skips the row the unique open key
 * refuses (ON CONFLICT DO NOTHING) instead of failing, so the rest of the recompute is kept.
 */
async function raiseUnlessOpen(
  tx: TenantTx,
  organizationId: string,
  cause: AlertCause,
  now: Date,
  news: AlertNews,
): Promise<OpenAlert | null> {
  const id = randomUUID();
  const openKey = alertOpenKey(cause);
  const { count } = await tx.alert.createMany({
    data: {
      id,
      organizationId,
      kind: cause.kind,
      severity: cause.severity,
      customerId: cause.customerId,
      incidentId: cause.incidentId ?? null,
      reason: cause.reason.code,
      reasonParams: cause.reason.params as Prisma.InputJsonValue,
      openKey,
      causedAt: cause.causedAt,
      assigneeId: cause.assigneeId ?? null,
      createdAt: now,
      updatedAt: now,
    },
    skipDuplicates: true,
  });
  if (count === 1) {
    news.raised.push({
      alertId: id,
      kind: cause.kind,
      severity: cause.severity,
      status: 'OPEN',
      customerId: cause.customerId,
      incidentId: cause.incidentId ?? null,
    });
    return null;
  }
  return tx.alert.findUniqueOrThrow({
    where: { organizationId_openKey: { organizationId, openKey } },
    select: { id: true, kind: true, severity: true, status: true, customerId: true, incidentId: true, openKey: true },
  });
}

async function escalate(tx: TenantTx, cause: AlertCause, open: OpenAlert, now: Date, news: AlertNews): Promise<void> {
  const severity = SEVERITY_RANK[cause.severity] > SEVERITY_RANK[open.severity] ? cause.severity : open.severity;
  await tx.alert.update({
    where: { id: open.id },
    data: {
      severity,
      reason: cause.reason.code,
      reasonParams: cause.reason.params as Prisma.InputJsonValue,
      causedAt: cause.causedAt,
      updatedAt: now,
    },
  });
  news.updated.push({ ...changeOf(open), severity });
}

const changeOf = (alert: OpenAlert): AlertChange => ({
  alertId: alert.id,
  kind: alert.kind,
  severity: alert.severity,
  status: alert.status,
  customerId: alert.customerId,
  incidentId: alert.incidentId,
});

/** Resolves an open alert whose cause went away, with the note that says why. */
export async function resolveByItself(
  tx: TenantTx,
  open: OpenAlert,
  note: ResolutionNoteCode,
  now: Date,
  news: AlertNews,
): Promise<void> {
  await tx.alert.update({
    where: { id: open.id },
    data: { status: 'RESOLVED', resolvedAt: now, resolutionNote: note, openKey: null, updatedAt: now },
  });
  news.updated.push({ ...changeOf(open), status: 'RESOLVED' });
}

/** The alerts' events, in the transaction that changed them. */
export function emitAlertNews(tx: TenantTx, news: AlertNews): void {
  const data = (alert: AlertChange) => ({
    alert: encodeGlobalID('Alert', alert.alertId),
    customer: encodeGlobalID('Customer', alert.customerId),
    incident: alert.incidentId ? encodeGlobalID('Incident', alert.incidentId) : null,
    kind: alert.kind,
    severity: alert.severity,
    status: alert.status,
  });
  for (const alert of news.raised) emit(tx, 'alert.raised', data(alert));
  for (const alert of news.updated) emit(tx, 'alert.updated', data(alert));
}

// ---------- what staff do with an alert ----------

/** The most alerts one bulk action takes: a board's "select all" is sent in requests of this size. */
export const MAX_ALERTS_PER_ACTION = 500;

/**
 * One change to several alerts in one transaction: all or nothing (an unknown id changes none),
 * one `alert.updated` per alert that changed. Returns the alerts in the order of `ids`.
 */
async function changeAlerts(
  caller: AuthenticatedCaller,
  ids: string[],
  change: (alert: Prisma.AlertModel, now: Date) => Prisma.AlertUpdateInput | null,
) {
  const unique = [...new Set(ids)];
  if (unique.length > MAX_ALERTS_PER_ACTION) {
    throw ValidationError.at(['ids'], `At most ${MAX_ALERTS_PER_ACTION} alerts at once.`);
  }
  const now = runtime().clock.now();
  return writeTransaction(caller.organizationId, async (tx) => {
    const found = await tx.alert.findMany({ where: { id: { in: unique } } });
    if (found.length < unique.length) throw new NotFoundError('Alert');
    const byId = new Map(found.map((alert) => [alert.id, alert]));
    const changed: AlertChange[] = [];
    for (const alert of found) {
      const data = change(alert, now);
      if (!data) continue;
      const updated = await tx.alert.update({ where: { id: alert.id }, data: { ...data, updatedAt: now } });
      byId.set(alert.id, updated);
      changed.push(changeOf(updated));
    }
    emitAlertNews(tx, { raised: [], updated: changed });
    return ids.map((id) => byId.get(id)!);
  });
}

const staffId = (caller: AuthenticatedCaller) => (caller.kind === 'user' ? caller.userId : null);

const acknowledged = (caller: AuthenticatedCaller) => (alert: Prisma.AlertModel, now: Date) =>
  alert.status === 'OPEN'
    ? ({ status: 'ACKNOWLEDGED', acknowledgedAt: now, acknowledgedBy: connectStaff(caller) } as const)
    : null;

const resolved = (caller: AuthenticatedCaller) => (alert: Prisma.AlertModel, now: Date) =>
  alert.status === 'RESOLVED'
    ? null
    : ({ status: 'RESOLVED', resolvedAt: now, openKey: null, resolvedBy: connectStaff(caller) } as const);

async function assigned(caller: AuthenticatedCaller, assigneeId: string | null, path: string[]) {
  if (assigneeId) {
    const assignee = await tenantDb(caller).user.findUnique({ where: { id: assigneeId }, select: { active: true } });
    if (!assignee?.active) throw ValidationError.at(path, 'No active staff member has this id.');
  }
  return () => ({ assignee: assigneeId ? { connect: { id: assigneeId } } : { disconnect: true } });
}

export async function acknowledgeAlert(caller: AuthenticatedCaller, id: string) {
  return (await changeAlerts(caller, [id], acknowledged(caller)))[0];
}

export async function assignAlert(caller: AuthenticatedCaller, id: string, assigneeId: string | null) {
  return (await changeAlerts(caller, [id], await assigned(caller, assigneeId, ['input', 'assigneeId'])))[0];
}

export async function resolveAlert(caller: AuthenticatedCaller, id: string) {
  return (await changeAlerts(caller, [id], resolved(caller)))[0];
}

/** The board's bulk actions: one request, one transaction, one event per alert changed. */
export function acknowledgeAlerts(caller: AuthenticatedCaller, ids: string[]) {
  return changeAlerts(caller, ids, acknowledged(caller));
}

export async function assignAlerts(caller: AuthenticatedCaller, ids: string[], assigneeId: string | null) {
  return changeAlerts(caller, ids, await assigned(caller, assigneeId, ['input', 'assigneeId']));
}

export function resolveAlerts(caller: AuthenticatedCaller, ids: string[]) {
  return changeAlerts(caller, ids, resolved(caller));
}

function connectStaff(caller: AuthenticatedCaller) {
  const id = staffId(caller);
  return id ? { connect: { id } } : undefined;
}
