// The alert board's actions: load, follow live, catch up after a reconnect, and the buttons.
import type { AnyVariables, Client, TypedDocumentNode } from '@urql/core';
import type { AlertBoard } from '$lib/state/alert-board.svelte';
import type { Toasts } from '$lib/state/toasts.svelte';
import type { Alert, Connection } from '$lib/graphql/types';
import { NO_ANSWER, classifyError, type QueryError } from '$lib/graphql/errors';
import { mutate, type Outcome } from '$lib/graphql/mutate';
import type { VariablesOf } from '$lib/graphql/tada';
import {
  ACKNOWLEDGE_ALERT,
  ACKNOWLEDGE_ALERTS,
  ALERT_RAISED,
  ALERT_UPDATED,
  ALERTS_SINCE,
  ASSIGN_ALERT,
  ASSIGN_ALERTS,
  OPEN_ALERTS,
  RESOLVE_ALERT,
  RESOLVE_ALERTS,
} from '$lib/graphql/documents';

/**
 * The reader's time zone, read as the layout reads it for the page's own times: an alert's text
 * then says "15:00" where the card beside it says "15:00", not "14:00 UTC".
 */
const zone = () => ({ timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });

/** The API's largest page of alerts. */
const PAGE = 100;
/**
 * A guard against paging forever: 200 pages are 20 000 open alerts, four times the load the board
 * is measured at. Should an organization ever have more, the page says how many it did not load.
 */
const MAX_PAGES = 200;
/**
 * How far before the newest change the board has seen a catch-up starts. A change is stamped
 * when its transaction starts and published when it commits, so one stamped a moment earlier can
 * arrive later; the board ignores versions it already has, so the overlap costs nothing.
 */
export const CATCH_UP_OVERLAP_MS = 10_000;

interface Pages {
  alerts: Alert[];
  error: QueryError | null;
  /** Alerts the API has that were not fetched because of the page guard. */
  notLoaded: number;
}

/** OPEN_ALERTS or ALERTS_SINCE: the latter does not count. */
type AlertPages = { alerts: Omit<Connection<Alert>, 'totalCount'> & { totalCount?: number } };

async function allPages<Variables extends AnyVariables>(
  client: Client,
  document: TypedDocumentNode<AlertPages, Variables>,
  variables: Omit<Variables, 'first' | 'after' | 'timeZone'>,
  onPage: (alerts: Alert[], first: boolean, totalCount: number) => void = () => {},
): Promise<Pages> {
  const alerts: Alert[] = [];
  let after: string | null = null;
  /** The API's count of all that match (ALERTS_SINCE does not ask for it). */
  let total = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    // Omit<> loses that the page and the zone are all the spread adds.
    const pageVariables = { ...variables, ...zone(), first: PAGE, after } as unknown as Variables;
    const result = await client.query(document, pageVariables).toPromise();
    if (result.error || !result.data) {
      return { alerts, error: result.error ? classifyError(result.error) : NO_ANSWER, notLoaded: 0 };
    }
    const nodes = result.data.alerts.edges.map((edge) => edge.node);
    alerts.push(...nodes);
    total = result.data.alerts.totalCount ?? 0;
    onPage(nodes, page === 0, total);
    if (!result.data.alerts.pageInfo.hasNextPage) return { alerts, error: null, notLoaded: 0 };
    after = result.data.alerts.pageInfo.endCursor;
  }
  return { alerts, error: null, notLoaded: Math.max(0, total - alerts.length) };
}

/**
 * Every open alert, onto the board page by page: the first page shows at once, the others join
 * it in their place as they come (`progress` says how far). Returns the error, if any, and how
 * many open alerts the page guard left out.
 */
export async function loadOpenAlerts(
  client: Client,
  board: AlertBoard,
  progress: (loaded: number, total: number) => void = () => {},
): Promise<{ error: QueryError | null; notLoaded: number }> {
  let loaded = 0;
  const { error, notLoaded } = await allPages(client, OPEN_ALERTS, {}, (alerts, first, total) => {
    if (first) board.replaceAll(alerts);
    else board.applyMany(alerts);
    loaded += alerts.length;
    progress(loaded, total);
  });
  return { error, notLoaded };
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
    return { changed: 0, error: (await loadOpenAlerts(client, board)).error };
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
  const subscriptions: TypedDocumentNode<
    { alertRaised?: Alert; alertUpdated?: Alert },
    VariablesOf<typeof ALERT_RAISED>
  >[] = [ALERT_RAISED, ALERT_UPDATED];
  const stops = subscriptions.map((document) => {
    const { unsubscribe } = client.subscription(document, zone()).subscribe((result) => {
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

async function act(board: AlertBoard, feedback: Feedback, pending: Promise<Outcome<Alert>>): Promise<boolean> {
  const outcome = await pending;
  if (!outcome.ok) {
    feedback.toasts.push(feedback.explain(outcome), 'error');
    return false;
  }
  board.apply(outcome.data);
  feedback.toasts.push(feedback.done);
  return true;
}

export function handleAcknowledgeAlert(client: Client, board: AlertBoard, id: string, feedback: Feedback) {
  return act(board, feedback, mutate(client, ACKNOWLEDGE_ALERT, { id, ...zone() }, 'acknowledgeAlert'));
}

export function handleAssignAlert(
  client: Client,
  board: AlertBoard,
  id: string,
  assigneeId: string | null,
  feedback: Feedback,
) {
  return act(board, feedback, mutate(client, ASSIGN_ALERT, { input: { id, assigneeId }, ...zone() }, 'assignAlert'));
}

export function handleResolveAlert(client: Client, board: AlertBoard, id: string, feedback: Feedback) {
  return act(board, feedback, mutate(client, RESOLVE_ALERT, { id, ...zone() }, 'resolveAlert'));
}

export type BulkAction = { kind: 'acknowledge' } | { kind: 'assign'; assigneeId: string | null } | { kind: 'resolve' };

/** The API's most alerts per bulk request; a larger selection goes in several requests. */
const BULK_PER_REQUEST = 500;

/**
 * One action on several alerts: one request per 500 (all or nothing each), reported in one toast:
 * how many it did, and the reason for those it could not do. Returns the ids it did.
 */
export async function handleBulkAlerts(
  client: Client,
  board: AlertBoard,
  ids: string[],
  action: BulkAction,
  feedback: Omit<Feedback, 'done'> & { done: (count: number) => string; failed: (count: number) => string },
): Promise<string[]> {
  const request = (chunk: string[]) =>
    action.kind === 'acknowledge'
      ? mutate(client, ACKNOWLEDGE_ALERTS, { ids: chunk, ...zone() }, 'acknowledgeAlerts')
      : action.kind === 'assign'
        ? mutate(
            client,
            ASSIGN_ALERTS,
            { input: { ids: chunk, assigneeId: action.assigneeId }, ...zone() },
            'assignAlerts',
          )
        : mutate(client, RESOLVE_ALERTS, { ids: chunk, ...zone() }, 'resolveAlerts');
  const done: string[] = [];
  let firstFailure: { kind: string; message: string } | null = null;
  let failures = 0;
  for (let start = 0; start < ids.length; start += BULK_PER_REQUEST) {
    const chunk = ids.slice(start, start + BULK_PER_REQUEST);
    const outcome = await request(chunk);
    if (outcome.ok) {
      board.applyMany(outcome.data);
      done.push(...chunk);
    } else {
      failures += chunk.length;
      firstFailure ??= outcome;
    }
  }
  if (done.length > 0) feedback.toasts.push(feedback.done(done.length));
  if (firstFailure) feedback.toasts.push(`${feedback.failed(failures)} ${feedback.explain(firstFailure)}`, 'error');
  return done;
}
