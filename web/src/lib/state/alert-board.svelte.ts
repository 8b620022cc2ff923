// The live alert board: open alerts, newest first, each once. Alerts arrive from the first load,
// from subscriptions and from the catch-up after a reconnect, in any order; the newest version of
// each (by updatedAt) wins, and a resolved one leaves the board. One event costs O(log n) to find
// its place plus one array copy, so 500 open alerts stay cheap.
import { ALERT_KINDS, type Alert, type AlertKind, type AlertSeverity } from '$lib/graphql/types';

export type AlertCounts = Record<AlertKind, number>;

const zeroCounts = (): AlertCounts => Object.fromEntries(ALERT_KINDS.map((kind) => [kind, 0])) as AlertCounts;

const time = (iso: string) => Date.parse(iso);

/** Newest created first; the id breaks ties so the order is total. */
function before(a: Alert, b: Alert): boolean {
  const difference = time(a.createdAt) - time(b.createdAt);
  return difference !== 0 ? difference > 0 : a.id > b.id;
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
  /** Open and acknowledged alerts, newest first. Replaced, never mutated: cheap for keyed each-blocks. */
  alerts = $state.raw<Alert[]>([]);
  counts = $state.raw<AlertCounts>(zeroCounts());
  kind = $state<AlertKind | null>(null);
  severity = $state<AlertSeverity | null>(null);
  /** The newest `updatedAt` seen: after a reconnect, `alerts(since:)` starts here. */
  newestUpdatedAt = $state<string | null>(null);

  /** Whether the filters show this alert. The board hides the others rather than unmounting them. */
  matches = (alert: Alert): boolean =>
    (this.kind === null || alert.kind === this.kind) && (this.severity === null || alert.severity === this.severity);

  visible = $derived(this.kind === null && this.severity === null ? this.alerts : this.alerts.filter(this.matches));

  total = $derived(this.alerts.length);

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
      const index = positionOf(list, current);
      list = list.slice();
      if (isOpen(alert)) {
        list[index] = alert;
        this.#open.set(alert.id, alert);
      } else {
        list.splice(index, 1);
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

  setFilters(filters: { kind?: AlertKind | null; severity?: AlertSeverity | null }): void {
    if (filters.kind !== undefined) this.kind = filters.kind;
    if (filters.severity !== undefined) this.severity = filters.severity;
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
