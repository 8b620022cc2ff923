// The alert board's actions: load, follow live, catch up after a reconnect, and the buttons.
import type { Client } from '@urql/core';
import type { AlertBoard } from '$lib/state/alert-board.svelte';
import type { Toasts } from '$lib/state/toasts.svelte';
import type { Alert, Connection } from '$lib/graphql/types';
import { NO_ANSWER, classifyError, type QueryError } from '$lib/graphql/errors';
import { mutate } from '$lib/graphql/mutate';
import {
  ACKNOWLEDGE_ALERT,
  ALERT_RAISED,
  ALERT_UPDATED,
  ALERTS_SINCE,
  ASSIGN_ALERT,
  OPEN_ALERTS,
  RESOLVE_ALERT,
} from '$lib/graphql/documents';

/** The API's largest page of alerts. */
const PAGE = 100;
/** Far more than a board shows; a guard against paging forever. */
const MAX_PAGES = 50;
/**
 * How far before the newest change the board has seen a catch-up starts. A change is stamped
 * when its transaction starts and published when it commits, so one stamped a moment earlier can
 * arrive later; the board ignores versions it already has, so the overlap costs nothing.
 */
export const CATCH_UP_OVERLAP_MS = 10_000;

async function allPages(
  client: Client,
  document: string,
  variables: Record<string, unknown>,
): Promise<{ alerts: Alert[]; error: QueryError | null }> {
  const alerts: Alert[] = [];
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await client
      .query<{ alerts: Connection<Alert> }>(document, { ...variables, first: PAGE, after })
      .toPromise();
    if (result.error || !result.data) {
      return { alerts, error: result.error ? classifyError(result.error) : NO_ANSWER };
    }
    alerts.push(...result.data.alerts.edges.map((edge) => edge.node));
    if (!result.data.alerts.pageInfo.hasNextPage) break;
    after = result.data.alerts.pageInfo.endCursor;
  }
  return { alerts, error: null };
}

export async function loadOpenAlerts(client: Client, board: AlertBoard): Promise<QueryError | null> {
  const { alerts, error } = await allPages(client, OPEN_ALERTS, {});
  if (!error) board.replaceAll(alerts);
  return error;
}

/**
 * Fetches every alert created or changed while the socket was down and merges it into the board.
 * Returns how many changed the board, or the error when the API could not answer.
 */
export async function catchUpAlerts(
  client: Client,
  board: AlertBoard,
): Promise<{ changed: number; error: QueryError | null }> {
  if (!board.newestUpdatedAt) {
    // Nothing seen yet: a fresh load is the whole truth.
    return { changed: 0, error: await loadOpenAlerts(client, board) };
  }
  const since = new Date(Date.parse(board.newestUpdatedAt) - CATCH_UP_OVERLAP_MS).toISOString();
  const { alerts, error } = await allPages(client, ALERTS_SINCE, { since });
  // All or nothing: a partial catch-up would move `newestUpdatedAt` past what a retry must fetch.
  if (error) return { changed: 0, error };
  return { changed: board.applyMany(alerts), error: null };
}

/** Raised and updated alerts, live, into the board. Returns a stop function. */
export function followAlerts(
  client: Client,
  board: AlertBoard,
  on: { error?: (error: QueryError) => void; raised?: (alert: Alert) => void } = {},
): () => void {
  const stops = [ALERT_RAISED, ALERT_UPDATED].map((document) => {
    const { unsubscribe } = client
      .subscription<{ alertRaised?: Alert; alertUpdated?: Alert }>(document, {})
      .subscribe((result) => {
        if (result.error) on.error?.(classifyError(result.error));
        const alert = result.data?.alertRaised ?? result.data?.alertUpdated;
        if (alert && board.apply(alert) && result.data?.alertRaised) on.raised?.(alert);
      });
    return unsubscribe;
  });
  return () => stops.forEach((stop) => stop());
}

interface Feedback {
  toasts: Toasts;
  done: string;
  /** Words for a failure, in the reader's language (`I18n.failure`). */
  explain: (failure: { kind: string; message: string }) => string;
}

async function act(
  client: Client,
  board: AlertBoard,
  feedback: Feedback,
  document: string,
  variables: Record<string, unknown>,
  field: string,
): Promise<boolean> {
  const outcome = await mutate<Alert>(client, document, variables, field);
  if (!outcome.ok) {
    feedback.toasts.push(feedback.explain(outcome), 'error');
    return false;
  }
  board.apply(outcome.data);
  feedback.toasts.push(feedback.done);
  return true;
}

export function handleAcknowledgeAlert(client: Client, board: AlertBoard, id: string, feedback: Feedback) {
  return act(client, board, feedback, ACKNOWLEDGE_ALERT, { id }, 'acknowledgeAlert');
}

export function handleAssignAlert(
  client: Client,
  board: AlertBoard,
  id: string,
  assigneeId: string | null,
  feedback: Feedback,
) {
  return act(client, board, feedback, ASSIGN_ALERT, { input: { id, assigneeId } }, 'assignAlert');
}

export function handleResolveAlert(client: Client, board: AlertBoard, id: string, feedback: Feedback) {
  return act(client, board, feedback, RESOLVE_ALERT, { id }, 'resolveAlert');
}

export type BulkAction = { kind: 'acknowledge' } | { kind: 'assign'; assigneeId: string | null } | { kind: 'resolve' };

/** How many mutations a bulk action keeps in flight: quick for 100, gentle on the API. */
const BULK_IN_FLIGHT = 8;

/**
 * One action on several alerts, one mutation each, reported in one toast: how many it did, and
 * the first reason for those it could not do. Returns the ids it did.
 */
export async function handleBulkAlerts(
  client: Client,
  board: AlertBoard,
  ids: string[],
  action: BulkAction,
  feedback: Omit<Feedback, 'done'> & { done: (count: number) => string; failed: (count: number) => string },
): Promise<string[]> {
  const one = (id: string) =>
    action.kind === 'acknowledge'
      ? mutate<Alert>(client, ACKNOWLEDGE_ALERT, { id }, 'acknowledgeAlert')
      : action.kind === 'assign'
        ? mutate<Alert>(client, ASSIGN_ALERT, { input: { id, assigneeId: action.assigneeId } }, 'assignAlert')
        : mutate<Alert>(client, RESOLVE_ALERT, { id }, 'resolveAlert');
  const done: string[] = [];
  let firstFailure: { kind: string; message: string } | null = null;
  let failures = 0;
  for (let start = 0; start < ids.length; start += BULK_IN_FLIGHT) {
    const slice = ids.slice(start, start + BULK_IN_FLIGHT);
    const outcomes = await Promise.all(slice.map(one));
    outcomes.forEach((outcome, index) => {
      if (outcome.ok) {
        board.apply(outcome.data);
        done.push(slice[index]);
      } else {
        failures += 1;
        firstFailure ??= outcome;
      }
    });
  }
  if (done.length > 0) feedback.toasts.push(feedback.done(done.length));
  if (firstFailure) feedback.toasts.push(`${feedback.failed(failures)} ${feedback.explain(firstFailure)}`, 'error');
  return done;
}
