import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { DEFAULT_RETRY_SCHEDULE_MS, loadConfig } from './config.ts';

const POSTGRES = 'postgresql://trofast@db.internal:5432/trofast';

/** The message loadConfig fails with: one line a person can act on. */
function refusal(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('defaults', () => {
  it('an empty environment is the newcomer’s: ports 4000 and 3000, PGlite in ./.trofast/data, info logs', () => {
    expect(loadConfig({})).toEqual({
      apiPort: 4000,
      webPort: 3000,
      databaseUrl: undefined,
      dataDir: path.resolve('.trofast/data'),
      redisUrl: undefined,
      demo: true,
      logLevel: 'info',
      statementTimeoutMs: 15_000,
      lockTimeoutMs: 10_000,
      smtpUrl: undefined,
      mailFrom: 'Trofast <no-reply@localhost>',
      publicUrl: 'http://localhost:3000',
      webhooks: { allowPrivate: false, timeoutMs: 15_000, retryScheduleMs: DEFAULT_RETRY_SCHEDULE_MS },
    });
  });

  it('links to customers start with TROFAST_PUBLIC_URL, without a trailing slash', () => {
    expect(loadConfig({ TROFAST_PUBLIC_URL: 'https://loyal.example.com/' }).publicUrl).toBe(
      'https://loyal.example.com',
    );
  });
});

describe('mail', () => {
  it('SMTP_URL, TROFAST_MAIL_FROM and TROFAST_PUBLIC_URL are read as given, the address without a trailing slash', () => {
    expect(
      loadConfig({
        SMTP_URL: 'smtp://mail.example:2525',
        TROFAST_MAIL_FROM: 'Cykelbutikken <hej@cykel.example>',
        TROFAST_PUBLIC_URL: 'https://loyal.cykel.example/',
      }),
    ).toMatchObject({
      smtpUrl: 'smtp://mail.example:2525',
      mailFrom: 'Cykelbutikken <hej@cykel.example>',
      publicUrl: 'https://loyal.cykel.example',
    });
  });

  it('an SMTP_URL that is not smtp: or smtps: is refused', () => {
    expect(refusal({ SMTP_URL: 'http://mail.example' })).toBe('SMTP_URL must start with smtp: or smtps:, not http:');
  });
});

describe('TROFAST_DEMO', () => {
  it.each<[string, NodeJS.ProcessEnv, boolean]>([
    ['on by default on the embedded database', {}, true],
    ['off by default on PostgreSQL', { DATABASE_URL: POSTGRES }, false],
    ['0 turns it off on the embedded database', { TROFAST_DEMO: '0' }, false],
    ['1 turns it on on PostgreSQL', { DATABASE_URL: POSTGRES, TROFAST_DEMO: '1' }, true],
    ['empty is the default', { TROFAST_DEMO: '' }, true],
  ])('%s', (_, env, demo) => {
    expect(loadConfig(env).demo).toBe(demo);
  });
});

describe('webhooks', () => {
  it('the default retry schedule lasts about three days', () => {
    const total = DEFAULT_RETRY_SCHEDULE_MS.reduce((sum, wait) => sum + wait, 0);
    expect(Math.round(total / 3_600_000)).toBe(76);
  });

  it('tests shorten the schedule and the timeout and allow private addresses', () => {
    expect(
      loadConfig({
        TROFAST_WEBHOOKS_RETRY_SCHEDULE_MS: '0, 10,20',
        TROFAST_WEBHOOKS_TIMEOUT_MS: '500',
        TROFAST_WEBHOOKS_ALLOW_PRIVATE: '1',
      }).webhooks,
    ).toEqual({ allowPrivate: true, timeoutMs: 500, retryScheduleMs: [0, 10, 20] });
  });

  it('a schedule that is not a list of waits is refused', () => {
    expect(refusal({ TROFAST_WEBHOOKS_RETRY_SCHEDULE_MS: '5s,5m' })).toBe(
      'TROFAST_WEBHOOKS_RETRY_SCHEDULE_MS=5s,5m is not a retry schedule: list up to 20 waits in milliseconds, comma-separated, e.g. 5000,300000.',
    );
  });
});

describe('a wrong value is refused with one line saying what to use', () => {
  it.each<[string, NodeJS.ProcessEnv, string]>([
    [
      'TROFAST_WEB_PORT that is not a number',
      { TROFAST_WEB_PORT: 'three thousand' },
      'TROFAST_WEB_PORT=three thousand is not a port: use a whole number from 0 to 65535.',
    ],
    [
      'TROFAST_WEB_PORT out of range',
      { TROFAST_WEB_PORT: '70000' },
      'TROFAST_WEB_PORT=70000 is not a port: use a whole number from 0 to 65535.',
    ],
    [
      'REDIS_URL that cannot be parsed',
      { REDIS_URL: 'localhost 6379' },
      'REDIS_URL is not a URL: expected redis://host:port/…',
    ],
    [
      'REDIS_URL of another protocol',
      { REDIS_URL: 'http://cache:6379' },
      'REDIS_URL must start with redis: or rediss:, not http:',
    ],
    [
      'TROFAST_DEMO other than 0 or 1',
      { TROFAST_DEMO: 'yes' },
      'TROFAST_DEMO=yes: use 1 to seed the demo organization, 0 not to.',
    ],
    [
      'an unknown LOG_LEVEL',
      { LOG_LEVEL: 'verbose' },
      'LOG_LEVEL=verbose: use one of debug, info, warn, error, silent.',
    ],
  ])('%s', (_, env, message) => {
    expect(refusal(env)).toBe(message);
  });
});
