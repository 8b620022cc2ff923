import { describe, expect, test } from 'vitest';
import { AlertBoard, ROWS_PER_FRAME, ROWS_PER_STEP } from './alert-board.svelte';
import type { Alert, AlertKind, AlertSeverity, AlertStatus } from '$lib/graphql/types';

const base = Date.parse('2026-03-01T08:00:00Z');
const at = (minutes: number) => new Date(base + minutes * 60_000).toISOString();

function alert(
  id: string,
  createdMinute: number,
  overrides: Partial<{
    kind: AlertKind;
    severity: AlertSeverity;
    status: AlertStatus;
    updatedMinute: number;
    topSpender: boolean;
    assignee: { id: string; name: string } | null;
  }> = {},
): Alert {
  return {
    id,
    kind: overrides.kind ?? 'CHURN_RISK',
    severity: overrides.severity ?? 'WARNING',
    status: overrides.status ?? 'OPEN',
    topSpender: overrides.topSpender ?? false,
    title: `Alert ${id}`,
    message: 'Something to look at',
    createdAt: at(createdMinute),
    updatedAt: at(overrides.updatedMinute ?? createdMinute),
    customer: { id: `customer-${id}`, name: `Customer ${id}` },
    incident: null,
    assignee: overrides.assignee ?? null,
    acknowledgedBy: null,
    acknowledgedAt: null,
  };
}

const ids = (board: AlertBoard) => board.visible.map((item) => item.id);

/** What the page does a frame at a time (`paintMore`), done at once. */
function paintAll(board: AlertBoard) {
  while (board.painting) board.paintMore();
}

describe('the alert board', () => {
  test('of alerts alike, the one waiting longest comes first, whatever order they arrive in', () => {
    const board = new AlertBoard();
    board.replaceAll([alert('a', 1), alert('c', 3)]);
    board.apply(alert('b', 2));
    board.apply(alert('d', 4));
    expect(ids(board)).toEqual(['a', 'b', 'c', 'd']);
  });

  test('what needs a person first: severity, then the stakes (a top spender), then age', () => {
    const board = new AlertBoard();
    board.replaceAll([
      alert('old-info', 1, { severity: 'INFO', kind: 'IGNORED' }),
      alert('warning', 2),
      alert('warning-top-spender', 5, { topSpender: true }),
      alert('new-critical', 9, { severity: 'CRITICAL', kind: 'TWO_STRIKES' }),
      alert('old-critical', 3, { severity: 'CRITICAL', kind: 'INCIDENT' }),
    ]);
    expect(ids(board)).toEqual(['old-critical', 'new-critical', 'warning-top-spender', 'warning', 'old-info']);
  });

  test('a live alert lands in its place, and an escalated one moves up', () => {
    const board = new AlertBoard();
    board.replaceAll([
      alert('critical', 1, { severity: 'CRITICAL' }),
      alert('warning', 2),
      alert('info', 3, { severity: 'INFO' }),
    ]);
    board.apply(alert('new-warning', 4));
    expect(ids(board)).toEqual(['critical', 'warning', 'new-warning', 'info']);
    board.apply(alert('info', 3, { severity: 'CRITICAL', updatedMinute: 5 }));
    expect(ids(board)).toEqual(['critical', 'info', 'warning', 'new-warning']);
  });

  test('"Assigned to me" shows the reader’s alerts and "Unassigned" those of nobody', () => {
    const me = { id: 'user-me', name: 'Mads Kjær' };
    const colleague = { id: 'user-other', name: 'Sofie Lund' };
    const board = new AlertBoard(() => me.id);
    board.replaceAll([
      alert('mine', 1, { assignee: me }),
      alert('theirs', 2, { assignee: colleague }),
      alert('nobody', 3),
    ]);
    expect(board.viewCounts).toEqual({ all: 3, mine: 1, unassigned: 1 });
    board.setFilters({ view: 'mine' });
    expect(ids(board)).toEqual(['mine']);
    board.setFilters({ view: 'unassigned' });
    expect(ids(board)).toEqual(['nobody']);
    board.apply({ ...alert('nobody', 3, { assignee: me, updatedMinute: 4 }) });
    expect(ids(board)).toEqual([]);
    board.setFilters({ view: 'all' });
    expect(ids(board)).toEqual(['mine', 'theirs', 'nobody']);
  });

  test('INFO alerts of one kind are one row where the first belongs, a lone one stays a card', () => {
    const board = new AlertBoard();
    board.replaceAll([
      alert('ignored-1', 1, { severity: 'INFO', kind: 'IGNORED' }),
      alert('warning', 2),
      alert('ignored-2', 3, { severity: 'INFO', kind: 'IGNORED' }),
      alert('churn-info', 4, { severity: 'INFO', kind: 'CHURN_RISK' }),
      alert('ignored-3', 5, { severity: 'INFO', kind: 'IGNORED' }),
    ]);
    const rows = board.rows.map((row) =>
      row.group ? `${row.group}: ${row.alerts.map((item) => item.id)}` : row.alert.id,
    );
    expect(rows).toEqual(['warning', 'IGNORED: ignored-1,ignored-2,ignored-3', 'churn-info']);
  });

  test('an update replaces the alert in place: it is shown once, with its new state', () => {
    const board = new AlertBoard();
    board.replaceAll([alert('a', 1), alert('b', 2)]);
    board.apply(alert('a', 1, { status: 'ACKNOWLEDGED', updatedMinute: 5 }));
    expect(ids(board)).toEqual(['a', 'b']);
    expect(board.alerts.find((item) => item.id === 'a')?.status).toBe('ACKNOWLEDGED');
  });

  test('a resolved alert leaves the open list and its kind’s count', () => {
    const board = new AlertBoard();
    board.replaceAll([alert('a', 1, { kind: 'TWO_STRIKES' }), alert('b', 2, { kind: 'TWO_STRIKES' })]);
    expect(board.counts.TWO_STRIKES).toBe(2);
    board.apply(alert('a', 1, { kind: 'TWO_STRIKES', status: 'RESOLVED', updatedMinute: 9 }));
    expect(ids(board)).toEqual(['b']);
    expect(board.counts.TWO_STRIKES).toBe(1);
  });

  test('an older version arriving late changes nothing (a resolved alert does not come back)', () => {
    const board = new AlertBoard();
    board.replaceAll([alert('a', 1)]);
    board.apply(alert('a', 1, { status: 'RESOLVED', updatedMinute: 10 }));
    expect(board.apply(alert('a', 1, { status: 'OPEN', updatedMinute: 4 }))).toBe(false);
    expect(ids(board)).toEqual([]);
  });

  test('counts open alerts per kind', () => {
    const board = new AlertBoard();
    board.replaceAll([
      alert('a', 1, { kind: 'INCIDENT' }),
      alert('b', 2, { kind: 'INCIDENT' }),
      alert('c', 3, { kind: 'IGNORED', severity: 'INFO' }),
    ]);
    board.apply(alert('d', 4, { kind: 'DETRACTOR' }));
    expect(board.counts).toEqual({
      CHURN_RISK: 0,
      TWO_STRIKES: 0,
      INCIDENT: 2,
      SLA_BREACH: 0,
      IGNORED: 1,
      DETRACTOR: 1,
      STAFF_CONCERN: 0,
    });
    expect(board.total).toBe(4);
  });

  test('filters by kind and by severity, together or apart', () => {
    const board = new AlertBoard();
    board.replaceAll([
      alert('a', 1, { kind: 'INCIDENT', severity: 'CRITICAL' }),
      alert('b', 2, { kind: 'INCIDENT', severity: 'WARNING' }),
      alert('c', 3, { kind: 'CHURN_RISK', severity: 'CRITICAL' }),
    ]);
    board.setFilters({ kind: 'INCIDENT' });
    expect(ids(board)).toEqual(['a', 'b']);
    board.setFilters({ severity: 'CRITICAL' });
    expect(ids(board)).toEqual(['a']);
    board.setFilters({ kind: null });
    expect(ids(board)).toEqual(['a', 'c']);
    board.setFilters({ severity: null });
    expect(ids(board)).toEqual(['a', 'c', 'b']);
  });

  test('remembers the newest updatedAt it has seen, for alerts(since:) after a reconnect', () => {
    const board = new AlertBoard();
    expect(board.newestUpdatedAt).toBeNull();
    board.replaceAll([alert('a', 1, { updatedMinute: 7 }), alert('b', 2)]);
    expect(board.newestUpdatedAt).toBe(at(7));
    board.apply(alert('c', 3, { status: 'RESOLVED', updatedMinute: 12 }));
    expect(board.newestUpdatedAt).toBe(at(12));
  });

  test('a catch-up after a reconnect merges what was missed and shows each alert once', () => {
    const board = new AlertBoard();
    board.replaceAll([alert('a', 1), alert('b', 2)]);
    // While away: c was raised, a was resolved, b was acknowledged; the subscription already
    // delivered c when the socket came back, before the catch-up answered.
    board.apply(alert('c', 3));
    const changed = board.applyMany([
      alert('a', 1, { status: 'RESOLVED', updatedMinute: 4 }),
      alert('b', 2, { status: 'ACKNOWLEDGED', updatedMinute: 5 }),
      alert('c', 3),
    ]);
    expect(changed).toBe(2);
    expect(ids(board)).toEqual(['b', 'c']);
    expect(board.counts.CHURN_RISK).toBe(2);
  });

  test('with 500 open alerts, 2 000 live events leave each alert on the board once', () => {
    const board = new AlertBoard();
    board.replaceAll(Array.from({ length: 500 }, (_, index) => alert(`seed-${index}`, index)));
    for (let event = 0; event < 2000; event++) {
      if (event % 2 === 0) board.apply(alert(`live-${event}`, 500 + event));
      else
        board.apply(alert(`seed-${event % 500}`, event % 500, { status: 'ACKNOWLEDGED', updatedMinute: 5000 + event }));
    }
    expect(board.total).toBe(1500);
    expect(new Set(ids(board)).size).toBe(1500);
  });

  test('with 5 000 open alerts it renders the 100 most urgent; "Show more" adds 100; every alert still counts', () => {
    const board = new AlertBoard();
    board.replaceAll(
      Array.from({ length: 5000 }, (_, index) =>
        alert(`many-${index}`, index, { severity: index % 50 === 0 ? 'CRITICAL' : 'WARNING' }),
      ),
    );
    paintAll(board);
    expect(board.windowRows).toHaveLength(ROWS_PER_STEP);
    // The 100 critical ones are the first 100 rows.
    expect(board.windowRows.every((row) => row.alert?.severity === 'CRITICAL')).toBe(true);
    expect(board.beyond).toBe(4900);
    board.showMore();
    paintAll(board);
    expect(board.windowRows).toHaveLength(2 * ROWS_PER_STEP);
    expect(board.beyond).toBe(4800);
    expect(board.shownRows).toHaveLength(5000);
    expect(board.visible).toHaveLength(5000);
    expect(board.counts.CHURN_RISK).toBe(5000);
  });

  test('changing a filter starts the rendered rows again at the most urgent 100', () => {
    const board = new AlertBoard(() => 'me');
    board.replaceAll(
      Array.from({ length: 300 }, (_, index) =>
        alert(`a-${index}`, index, { assignee: index % 3 === 0 ? { id: 'me', name: 'Me' } : null }),
      ),
    );
    board.showMore();
    paintAll(board);
    board.setFilters({ view: 'mine' });
    paintAll(board);
    expect(board.windowRows).toHaveLength(ROWS_PER_STEP);
    expect(board.shownRows).toHaveLength(100);
    board.setFilters({ view: 'unassigned' });
    expect(board.shownRows).toHaveLength(200);
    paintAll(board);
    expect(board.windowRows.map((row) => row.alert?.id)).toEqual(ids(board).slice(0, ROWS_PER_STEP));
  });

  test('a change renders one frame’s rows at once and the rest of the step a frame’s rows at a time', () => {
    const board = new AlertBoard();
    board.replaceAll(Array.from({ length: 300 }, (_, index) => alert(`a-${index}`, index)));
    board.paintMore();
    board.setFilters({ severity: 'WARNING' });
    expect(board.windowRows.map((row) => row.alert?.id)).toEqual(ids(board).slice(0, ROWS_PER_FRAME));
    const painted = [board.windowRows.length];
    while (board.painting) {
      board.paintMore();
      painted.push(board.windowRows.length);
    }
    expect(painted).toEqual([8, 16, 24, 32, 40, 48, 56, 64, 72, 80, 88, 96, 100]);
    expect(board.beyond).toBe(200);
  });
});
