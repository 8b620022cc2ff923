import { describe, expect, test } from 'vitest';
import { FormState } from './form.svelte';
import type { Outcome } from '$lib/graphql/mutate';

describe('a dialog form’s state', () => {
  test('a success returns the data and leaves no errors', async () => {
    const form = new FormState((failure) => failure.message);
    const data = await form.submit(async () => ({ ok: true as const, data: { id: 'x' } }));
    expect(data).toEqual({ id: 'x' });
    expect(form.errors).toEqual({});
    expect(form.message).toBeNull();
    expect(form.busy).toBe(false);
  });

  test('a validation error puts each message at its field and says what to do', async () => {
    const form = new FormState(() => 'Please correct the fields marked above.');
    const data = await form.submit(async () => ({
      ok: false as const,
      kind: 'ValidationError',
      message: 'Invalid.',
      fieldErrors: { reason: 'Say why.' },
    }));
    expect(data).toBeNull();
    expect(form.errors).toEqual({ reason: 'Say why.' });
    expect(form.message).toBe('Please correct the fields marked above.');
  });

  test('is busy while the action runs', async () => {
    const form = new FormState((failure) => failure.message);
    let release: () => void = () => {};
    const pending = form.submit(
      () => new Promise<Outcome<string>>((resolve) => (release = () => resolve({ ok: true, data: 'done' }))),
    );
    expect(form.busy).toBe(true);
    release();
    await pending;
    expect(form.busy).toBe(false);
  });
});
