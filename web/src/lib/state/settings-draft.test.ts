import { describe, expect, test } from 'vitest';
import { CombinedError, type Client } from '@urql/core';
import { SettingsDraft } from './settings-draft.svelte';
import { Toasts } from './toasts.svelte';
import { PULSE_SETTINGS } from '$lib/graphql/documents';
import type { Outcome } from '$lib/graphql/mutate';
import type { PulseSettings } from '$lib/graphql/types';
import { I18n } from '$lib/i18n/i18n.svelte';

const loaded: PulseSettings = { monthly: true, openDays: 7, threshold: 5 };
/** What the API stored: other than what it was sent, as when it normalises a value. */
const stored: PulseSettings = { monthly: false, openDays: 14, threshold: 5 };

/** Answers the settings query with the loaded pulse settings. */
const client = {
  query: () => ({
    toPromise: async () => ({ data: { organization: { id: 'org', settings: { pulse: loaded } } } }),
  }),
} as unknown as Client;

type Saved = { pulse: PulseSettings };

/** A pulse card's state, saving through `send` instead of the API. */
async function pulseCard(
  send: (client: Client, pulse: PulseSettings) => Promise<Outcome<Saved>>,
  { toasts = new Toasts(), fromSaved }: { toasts?: Toasts; fromSaved?: (saved: Saved) => PulseSettings } = {},
) {
  const settings = new SettingsDraft({ client, i18n: new I18n('en'), toasts }, PULSE_SETTINGS, {
    prefix: 'settings.pulse',
    fromResult: (result) => result.organization.settings.pulse,
    send,
    fromSaved,
    savedMessage: 'settings.saved',
  });
  await settings.load();
  return settings;
}

const submit = () => new Event('submit', { cancelable: true });

const refuse = async (): Promise<Outcome<Saved>> => ({
  ok: false,
  kind: 'ValidationError',
  message: 'Invalid.',
  fieldErrors: { 'settings.pulse.threshold': 'At least 3.' },
});

describe('a settings card’s draft', () => {
  test('loads a copy of its part of the answer: editing it leaves the answer as the API said', async () => {
    const settings = await pulseCard(refuse);
    expect(settings.draft).toEqual(loaded);
    settings.draft!.threshold = 2;
    expect(settings.query.data?.organization.settings.pulse.threshold).toBe(5);
  });

  test('finds a field’s error by its path under the card’s prefix', async () => {
    const settings = await pulseCard(refuse);
    await settings.save(submit());
    expect(settings.error('threshold')).toBe('At least 3.');
    expect(settings.error('openDays')).toBeUndefined();
  });

  test('a refused save keeps the draft as edited and says what to do', async () => {
    const settings = await pulseCard(refuse);
    settings.draft!.threshold = 2;
    expect(await settings.save(submit())).toBeNull();
    expect(settings.draft).toEqual({ ...loaded, threshold: 2 });
    expect(settings.form.message).toBe('Please correct the fields marked above.');
  });

  test('a save sends the draft as edited', async () => {
    const sent: PulseSettings[] = [];
    const settings = await pulseCard(async (_client, pulse) => {
      sent.push(pulse);
      return { ok: true, data: { pulse } };
    });
    settings.draft!.openDays = 10;
    await settings.save(submit());
    expect(sent).toEqual([{ ...loaded, openDays: 10 }]);
  });

  test('saving keeps the browser from submitting the form itself', async () => {
    const settings = await pulseCard(refuse);
    const event = submit();
    await settings.save(event);
    expect(event.defaultPrevented).toBe(true);
  });

  test('a successful save gives what the API stored, and the form shows it from now on', async () => {
    const settings = await pulseCard(async () => ({ ok: true, data: { pulse: stored } }), {
      fromSaved: (saved) => saved.pulse,
    });
    expect(await settings.save(submit())).toEqual({ pulse: stored });
    expect(settings.draft).toEqual(stored);
  });

  test('a card that does not show what the API stored keeps the draft as it was sent', async () => {
    const settings = await pulseCard(async () => ({ ok: true, data: { pulse: stored } }));
    settings.draft!.openDays = 10;
    await settings.save(submit());
    expect(settings.draft).toEqual({ ...loaded, openDays: 10 });
  });

  test('a successful save says so in a toast', async () => {
    const toasts = new Toasts();
    const settings = await pulseCard(async () => ({ ok: true, data: { pulse: stored } }), { toasts });
    await settings.save(submit());
    expect(toasts.items.map((toast) => toast.message)).toEqual(['Saved.']);
  });

  test('a load that failed fills the draft when the retry answers', async () => {
    let answers = 0;
    // Offline at first, as a phone on a train; the card's Retry asks again.
    const flaky = {
      query: () => ({
        toPromise: async () =>
          ++answers === 1
            ? { error: new CombinedError({ networkError: new Error('offline') }) }
            : { data: { organization: { id: 'org', settings: { pulse: loaded } } } },
      }),
    } as unknown as Client;
    const settings = new SettingsDraft({ client: flaky, i18n: new I18n('en'), toasts: new Toasts() }, PULSE_SETTINGS, {
      prefix: 'settings.pulse',
      fromResult: (result) => result.organization.settings.pulse,
      send: refuse,
      savedMessage: 'settings.saved',
    });
    await settings.load();
    expect(settings.draft).toBeNull();
    await settings.query.refetch();
    expect(settings.draft).toEqual(loaded);
  });

  test('a later answer leaves the draft being edited', async () => {
    const settings = await pulseCard(refuse);
    settings.draft!.threshold = 9;
    await settings.query.refetch();
    expect(settings.draft!.threshold).toBe(9);
  });
});
