import { describe, expect, it } from 'vitest';
import { renderSkipReason } from './skip-reason.ts';

describe('a skip reason is stored as a code and read in the reader’s language', () => {
  it.each([
    ['EN', 'The customer has not agreed to hear from the organization by SMS.'],
    ['DA', 'Kunden har ikke sagt ja til at høre fra jer på sms.'],
    ['SV', 'Kunden har inte sagt ja till att höra från er via sms.'],
    ['NB', 'Kunden har ikke sagt ja til å høre fra dere på sms.'],
  ] as const)('no consent by SMS in %s', (locale, words) => {
    expect(renderSkipReason('NO_CONSENT_SMS', locale)).toBe(words);
  });

  it('a cap read on its own message says when it may go out; counted over many, it does not', () => {
    const until = new Date('2026-07-15T09:00:00Z');
    expect(renderSkipReason('CONTACT_CAP', 'DA', until)).toBe(
      'Loftet over markedsførings- og undersøgelseskontakter er nået: den kan sendes fra 15. jul. 2026, 09.00 UTC.',
    );
    expect(renderSkipReason('SURVEY_COOLDOWN', 'EN')).toBe(
      'The customer was invited to a survey within the survey cooldown.',
    );
  });

  it('a mail server’s answer, or a sentence stored before the codes, is shown as it was stored', () => {
    expect(renderSkipReason('451 4.3.0 Mailbox busy', 'DA')).toBe('451 4.3.0 Mailbox busy');
  });
});
