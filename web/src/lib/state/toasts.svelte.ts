// Short confirmations and errors after an action, announced politely to screen readers.
import { getContext, setContext } from 'svelte';

export interface Toast {
  id: number;
  tone: 'success' | 'error';
  message: string;
}

/** How long a confirmation stays. */
export const CONFIRMATION_MS = 5000;

export class Toasts {
  items = $state<Toast[]>([]);
  #next = 1;

  /** A confirmation hides by itself; an error stays until dismissed, so nobody misses what went wrong. */
  push(message: string, tone: Toast['tone'] = 'success'): void {
    const id = this.#next++;
    this.items.push({ id, tone, message });
    if (tone === 'success' && typeof window !== 'undefined') setTimeout(() => this.dismiss(id), CONFIRMATION_MS);
  }

  dismiss(id: number): void {
    this.items = this.items.filter((toast) => toast.id !== id);
  }
}

const KEY = Symbol('toasts');
export const setToasts = (toasts: Toasts) => setContext(KEY, toasts);
export const getToasts = () => getContext<Toasts>(KEY);
