// The live alert board as a worklist: open alerts, each once, what needs a person first. Alerts
// arrive from the first load, from subscriptions and from the catch-up after a reconnect, in any
// order; the newest version of each (by updatedAt) wins, and a resolved one leaves the board. One
// event costs O(log n) to find its place plus one array copy, so thousands of open alerts stay cheap.
import { ALERT_KINDS, type Alert, type AlertKind, type AlertSeverity } from '$lib/graphql/types';

export type AlertCounts = Record<AlertKind, number>;
/** Whose alerts: everyone's, the reader's own, or nobody's yet. */
export type AlertView = 'all' | 'mine' | 'unassigned';
/** What the board lists: a card, or the INFO alerts of one kind gathered where the first of them belongs. */
export type BoardRow = { alert: Alert; group?: never } | { group: AlertKind; alerts: Alert[]; alert?: never };

const zeroCounts = (): AlertCounts => Object.fromEntries(ALERT_KINDS.map((kind) => [kind, 0])) as AlertCounts;

const time = (iso: string) => Date.parse(iso);

const SEVERITY_RANK: Record<AlertSeverity, number> = { CRITICAL: 0, WARNING: 1, INFO: 2 };

/**
 * How many rows the board renders at first, and how many more each "Show more" adds: mounting
 * 5 000 cards takes seconds, 100 stay quick. Counts and bulk selection still cover every alert.
 */
export const ROWS_PER_STEP = 100;

/**
 * How many rows a change renders for the frame that shows it: more than a screen holds (a laptop
 * shows about five cards under the board's header). The rest of the step follows this many a frame
 * (`paintMore`), so a click never waits for 100 cards to be built.
 */
export const ROWS_PER_FRAME = 8;

/**
 * What needs a person first: the higher severity, then the higher stakes (a top spender), then the
 * one waiting longest; the id breaks ties so the order is total.
 */
export function before(a: Alert, b: Alert): boolean {
  if (a.severity !== b.severity) return SEVERITY_RANK[a.severity] < SEVERITY_RANK[b.severity];
  if (a.topSpender !== b.topSpender) return a.topSpender;
  const difference = time(a.createdAt) - time(b.createdAt);
  return difference !== 0 ? difference < 0 : a.id < b.id;
}

/** The index where `alert` belongs in `list` (sorted by `before`). */
function positionOf(list: Alert[], alert: Alert): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(list[middle], alert)) low = middle + 1;
    else high = middle;
  }
  return low;
}

const isOpen = (alert: Alert) => alert.status !== 'RESOLVED';

export class AlertBoard {
  /** Open and acknowledged alerts, most urgent first. Replaced, never mutated: cheap for keyed each-blocks. */
  alerts = $state.raw<Alert[]>([]);
  counts = $state.raw<AlertCounts>(zeroCounts());
  kind = $state<AlertKind | null>(null);
  severity = $state<AlertSeverity | null>(null);
  view = $state<AlertView>('all');
  /** The newest `updatedAt` seen: after a reconnect, `alerts(since:)` starts here. */
  newestUpdatedAt = $state<string | null>(null);

  /** The reader's id, whose alerts "Assigned to me" shows; read when needed, as the page's data can change. */
  readonly #me: () => string | null;

  constructor(me: () => string | null = () => null) {
    this.#me = me;
  }

  #inView = (alert: Alert): boolean =>
    this.view === 'all' || (this.view === 'mine' ? alert.assignee?.id === this.#me() : alert.assignee === null);

  /** Whether the filters show this alert. The board hides the others rather than unmounting them. */
  matches = (alert: Alert): boolean =>
    (this.kind === null || alert.kind === this.kind) &&
    (this.severity === null || alert.severity === this.severity) &&
    this.#inView(alert);

  visible = $derived(
    this.kind === null && this.severity === null && this.view === 'all'
      ? this.alerts
      : this.alerts.filter(this.matches),
  );

  total = $derived(this.alerts.length);

  /**
   * The alerts in order, with the INFO alerts of each kind gathered into one row: many of them (a
   * season of "ignored" customers) would bury the rest. Nothing is left out; a lone one stays a card.
   */
  rows = $derived.by((): BoardRow[] => {
    const rows: BoardRow[] = [];
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- built and read within this derivation
    const groups = new Map<AlertKind, Alert[]>();
    for (const alert of this.alerts) {
      if (alert.severity !== 'INFO') {
        rows.push(this.#rowOf(alert));
        continue;
      }
      const members = groups.get(alert.kind);
      if (members) members.push(alert);
      else {
        const group = [alert];
        groups.set(alert.kind, group);
        rows.push({ group: alert.kind, alerts: group });
      }
    }
    return rows.map((row) => (row.group && row.alerts.length === 1 ? this.#rowOf(row.alerts[0]) : row));
  });

  /**
   * One row object per alert version: the list keeps its rows from one change to the next, so a
   * change re-renders the card it concerns, not all of them.
   */
  #rows = new WeakMap<Alert, BoardRow>();
  #rowOf(alert: Alert): BoardRow {
    let row = this.#rows.get(alert);
    if (!row) this.#rows.set(alert, (row = { alert }));
    return row;
  }
  /** The rows the filters show: a card that matches, a group with at least one member that does. */
  shownRows = $derived.by((): BoardRow[] =>
    this.kind === null && this.severity === null && this.view === 'all'
      ? this.rows
      : this.rows.filter((row) => (row.group ? row.alerts.some(this.matches) : this.matches(row.alert))),
  );

  /** How many of `shownRows` the reader asked to see; back to one step whenever the filters change. */
  limit = $state(ROWS_PER_STEP);
  /** How many of those are rendered yet: one frame's worth after a change, growing with `paintMore`. */
  painted = $state(ROWS_PER_FRAME);

  /** The rows rendered now: the most urgent first, the rest one "Show more" away. */
  windowRows = $derived(this.shownRows.slice(0, Math.min(this.limit, this.painted)));

  /** Rows asked for that wait for a frame to be rendered in. */
  painting = $derived(this.windowRows.length < Math.min(this.limit, this.shownRows.length));

  /** Rows beyond what the reader asked for: what "Show more" would add. */
  beyond = $derived(Math.max(0, this.shownRows.length - this.limit));

  paintMore(): void {
    this.painted = this.windowRows.length + ROWS_PER_FRAME;
  }

  showMore(): void {
    this.limit += ROWS_PER_STEP;
  }

  /** How many each view holds, whatever the kind and severity filters. */
  viewCounts = $derived({
    all: this.alerts.length,
    mine: this.alerts.filter((alert) => alert.assignee?.id === this.#me()).length,
    unassigned: this.alerts.filter((alert) => alert.assignee === null).length,
  });

  /** id → the updatedAt (ms) of the newest version seen, resolved ones included. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping; `alerts` and `counts` are what renders
  #versions = new Map<string, number>();
  /** id → the open alert on the board. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, as above
  #open = new Map<string, Alert>();

  /** Replaces everything with a fresh load of the open alerts. */
  replaceAll(alerts: Alert[]): void {
    this.#versions.clear();
    this.#open.clear();
    this.newestUpdatedAt = null;
    this.#merge(alerts);
  }

  /** One alert from a subscription or a mutation's answer. Returns whether the board changed. */
  apply(alert: Alert): boolean {
    if (!this.#isNewer(alert)) return false;
    const current = this.#open.get(alert.id);
    let list = this.alerts;
    const counts = { ...this.counts };
    if (current) {
      list = list.slice();
      list.splice(positionOf(list, current), 1);
      // An escalation or a customer joining the top spenders moves it: it goes where it now belongs.
      if (isOpen(alert)) {
        list.splice(positionOf(list, alert), 0, alert);
        this.#open.set(alert.id, alert);
      } else {
        this.#open.delete(alert.id);
      }
      counts[current.kind] -= 1;
      if (isOpen(alert)) counts[alert.kind] += 1;
    } else if (isOpen(alert)) {
      list = list.slice();
      list.splice(positionOf(list, alert), 0, alert);
      this.#open.set(alert.id, alert);
      counts[alert.kind] += 1;
    }
    this.alerts = list;
    this.counts = counts;
    return true;
  }

  /** Many alerts at once (the first load, a catch-up): one sort. Returns how many changed the board. */
  applyMany(alerts: Alert[]): number {
    return this.#merge(alerts);
  }

  setFilters(filters: { kind?: AlertKind | null; severity?: AlertSeverity | null; view?: AlertView }): void {
    if (filters.kind !== undefined) this.kind = filters.kind;
    if (filters.severity !== undefined) this.severity = filters.severity;
    if (filters.view !== undefined) this.view = filters.view;
    this.limit = ROWS_PER_STEP;
    this.painted = ROWS_PER_FRAME;
  }

  #merge(alerts: Alert[]): number {
    let changed = 0;
    for (const alert of alerts) {
      if (!this.#isNewer(alert)) continue;
      changed += 1;
      if (isOpen(alert)) this.#open.set(alert.id, alert);
      else this.#open.delete(alert.id);
    }
    const list = [...this.#open.values()].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    const counts = zeroCounts();
    for (const alert of list) counts[alert.kind] += 1;
    this.alerts = list;
    this.counts = counts;
    return changed;
  }

  /** Records the version when it is newer than what the board has seen of this alert. */
  #isNewer(alert: Alert): boolean {
    const updated = time(alert.updatedAt);
    const seen = this.#versions.get(alert.id);
    // The same version again (a catch-up overlapping a subscription) or an older one: nothing new.
    if (seen !== undefined && seen >= updated) return false;
    this.#versions.set(alert.id, updated);
    if (this.newestUpdatedAt === null || updated > time(this.newestUpdatedAt)) this.newestUpdatedAt = alert.updatedAt;
    return true;
  }
}
