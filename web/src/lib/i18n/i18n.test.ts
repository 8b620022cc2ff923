import { describe, expect, test } from 'vitest';
import { I18n } from './i18n.svelte';

describe('what went wrong, in the reader’s language', () => {
  test('a failure the dashboard recognises is told in its own words', () => {
    expect(new I18n('da').failure({ kind: 'noAnswer', message: '' })).toBe('API’et svarede ikke.');
    expect(new I18n('da').failure({ kind: 'network', message: 'Failed to fetch' })).toBe(
      'Dashboardet kan ikke nå API’et.',
    );
    expect(new I18n('en').failure({ kind: 'unauthenticated', message: 'Sign in first.' })).toBe('Sign in first.');
  });

  test('an error the API reported keeps its message; one without a message is unexpected', () => {
    expect(new I18n('da').failure({ kind: 'NotFoundError', message: 'Reward was not found.' })).toBe(
      'Reward was not found.',
    );
    expect(new I18n('da').failure({ kind: 'failed', message: '' })).toBe('Uventet fejl.');
  });

  test('a form whose fields the API refused sends the reader to them', () => {
    const failure = { kind: 'ValidationError', message: 'Invalid.', fieldErrors: { reason: 'Say why.' } };
    expect(new I18n('da').formFailure(failure)).toBe('Ret venligst de markerede felter ovenfor.');
    expect(new I18n('en').formFailure({ ...failure, fieldErrors: {} })).toBe('Invalid.');
  });
});

describe('numbers in messages', () => {
  test('a count reads in the language’s own way, never as raw digits', () => {
    expect(new I18n('en').t('board.showing', { count: 5000 })).toBe('Showing 5,000 alerts');
    expect(new I18n('da').t('board.showing', { count: 5000 })).toBe('Viser 5.000 alarmer');
    expect(new I18n('en').t('board.showing', { count: 1 })).toBe('Showing 1 alert');
  });
});
