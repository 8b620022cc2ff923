import { describe, expect, test, vi } from 'vitest';
import { ConnectionState, OFFLINE_AFTER_FAILURES } from './connection.svelte';

describe('the connection state', () => {
  test('says connecting until the first connection, not that one dropped', () => {
    const state = new ConnectionState();
    expect(state.status).toBe('connecting');
    state.connecting();
    state.closed(1006);
    expect(state.status).toBe('connecting');
    state.connected();
    expect(state.status).toBe('live');
    state.closed(1012);
    expect(state.status).toBe('reconnecting');
  });

  test('a first connection that keeps failing ends up offline', () => {
    const state = new ConnectionState();
    for (let attempt = 0; attempt < OFFLINE_AFTER_FAILURES; attempt++) {
      state.connecting();
      state.closed(1006);
    }
    expect(state.status).toBe('offline');
  });

  test('is live once connected', () => {
    const state = new ConnectionState();
    state.connecting();
    state.connected();
    expect(state.status).toBe('live');
  });

  test('shows reconnecting when the socket closes, then offline after repeated failures', () => {
    const state = new ConnectionState();
    state.connected();
    state.closed(1012);
    expect(state.status).toBe('reconnecting');
    for (let attempt = 1; attempt < OFFLINE_AFTER_FAILURES; attempt++) {
      state.connecting();
      state.closed(1014);
    }
    expect(state.status).toBe('reconnecting');
    state.connecting();
    state.closed(1014);
    expect(state.status).toBe('offline');
    state.connected();
    expect(state.status).toBe('live');
    expect(state.failures).toBe(0);
  });

  test('tells listeners when a lost connection is back, not on the first connection', () => {
    const state = new ConnectionState();
    const listener = vi.fn();
    state.onReconnect(listener);
    state.connected();
    expect(listener).not.toHaveBeenCalled();
    state.closed(1012);
    state.connected();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  test('the browser going offline shows offline at once; back online, a socket that survived is live again', () => {
    const state = new ConnectionState();
    state.connected();
    state.browserOnline(false);
    expect(state.status).toBe('offline');
    state.browserOnline(true);
    expect(state.status).toBe('live');
  });

  test('back online after the socket closed meanwhile, it reconnects and then tells listeners', () => {
    const state = new ConnectionState();
    const listener = vi.fn();
    state.onReconnect(listener);
    state.connected();
    state.browserOnline(false);
    state.closed(1006);
    expect(state.status).toBe('offline');
    state.browserOnline(true);
    expect(state.status).toBe('reconnecting');
    state.connected();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  test('a 4403 close marks the session as ended', () => {
    const state = new ConnectionState();
    state.connected();
    state.closed(4403);
    expect(state.signedOut).toBe(true);
  });
});
