// The live connection's state for the top bar: connecting (the first time), live, reconnecting or
// offline. Fed by the graphql-ws client's events; it tells listeners when a lost connection comes
// back, so they can fetch what they missed.
export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';

/** After this many failed attempts in a row, say "offline" rather than "reconnecting". */
export const OFFLINE_AFTER_FAILURES = 3;
/** The API closes with 4403 when the session ended or was revoked. */
export const FORBIDDEN_CLOSE_CODE = 4403;

export class ConnectionState {
  status = $state<ConnectionStatus>('connecting');
  /** Failed attempts since the connection was last live. */
  failures = $state(0);
  /** The session ended (4403): the page should go to sign-in, not retry. */
  signedOut = $state(false);
  #everConnected = false;
  /** The socket is open: the browser may say it is offline while a socket it kept still works. */
  #open = false;
  #browserOffline = false;
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- callbacks, never rendered
  #reconnectListeners = new Set<() => void>();

  connecting(): void {
    if (this.status === 'live') this.status = 'reconnecting';
  }

  connected(): void {
    const wasLost = this.#everConnected && this.status !== 'live';
    this.#everConnected = true;
    this.#open = true;
    this.failures = 0;
    this.status = 'live';
    if (wasLost) for (const listener of this.#reconnectListeners) listener();
  }

  closed(code?: number): void {
    if (code === FORBIDDEN_CLOSE_CODE) this.signedOut = true;
    if (!this.#open) this.failures += 1;
    this.#open = false;
    this.status = this.#browserOffline || this.failures >= OFFLINE_AFTER_FAILURES ? 'offline' : this.#trying();
  }

  /** The browser's own online/offline events. */
  browserOnline(online: boolean): void {
    this.#browserOffline = !online;
    if (!online) this.status = 'offline';
    else if (this.status === 'offline') this.status = this.#open ? 'live' : this.#trying();
  }

  /** Not connected and still trying: a first connection is not a dropped one. */
  #trying(): ConnectionStatus {
    return this.#everConnected ? 'reconnecting' : 'connecting';
  }

  /** Calls `listener` each time the connection is live again after being lost; returns an unsubscribe. */
  onReconnect(listener: () => void): () => void {
    this.#reconnectListeners.add(listener);
    return () => this.#reconnectListeners.delete(listener);
  }
}
