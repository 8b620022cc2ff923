// Short confirmations and errors after an action, announced politely to screen readers.
import { getContext, setContext } from 'svelte';

export interface Toast {
  id: number;
  tone: 'success' | 'error';
  message: string;
}

export class Toasts {
  items = $state<Toast[]>([]);
  #next = 1;

  push(message: string, tone: Toast['tone'] = 'success', milliseconds = 5000): void {
    const id = this.#next++;
    this.items.push({ id, tone, message });
    if (typeof window !== 'undefined') setTimeout(() => this.dismiss(id), milliseconds);
  }

  dismiss(id: number): void {
    this.items = this.items.filter((toast) => toast.id !== id);
  }
}

const KEY = Symbol('toasts');
export const setToasts = (toasts: Toasts) => setContext(KEY, toasts);
export const getToasts = () => getContext<Toasts>(KEY);
