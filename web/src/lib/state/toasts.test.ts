import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { CONFIRMATION_MS, Toasts } from './toasts.svelte';

const messages = (toasts: Toasts) => toasts.items.map((toast) => toast.message);

describe('notifications after an action', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // Timers are the browser's: the server never schedules one.
    vi.stubGlobal('window', globalThis);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  test('a confirmation hides by itself', () => {
    const toasts = new Toasts();
    toasts.push('Alert acknowledged.');
    vi.advanceTimersByTime(CONFIRMATION_MS - 1);
    expect(messages(toasts)).toEqual(['Alert acknowledged.']);
    vi.advanceTimersByTime(1);
    expect(messages(toasts)).toEqual([]);
  });

  test('an error stays until it is dismissed', () => {
    const toasts = new Toasts();
    toasts.push('The dashboard cannot reach the API.', 'error');
    vi.advanceTimersByTime(60 * CONFIRMATION_MS);
    expect(messages(toasts)).toEqual(['The dashboard cannot reach the API.']);
    toasts.dismiss(toasts.items[0].id);
    expect(messages(toasts)).toEqual([]);
  });
});
