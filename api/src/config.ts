import path from 'node:path';

/** A configuration problem a person can fix: printed as one line, no stack trace. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Config {
  apiPort: number;
  webPort: number;
  /** PostgreSQL when set; embedded PGlite in `dataDir` otherwise. */
  databaseUrl: string | undefined;
  dataDir: string;
  redisUrl: string | undefined;
  /** Seed the demo organization into an empty database. */
  demo: boolean;
  logLevel: LogLevel;
  /** PostgreSQL: the longest one statement may run, and wait for a lock. */
  statementTimeoutMs: number;
  lockTimeoutMs: number;
  /** Email goes out over SMTP when set; otherwise it lands in the built-in outbox. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** The dashboard's public address: links in messages start with it. */
  publicUrl: string;
  webhooks: WebhookConfig;
}

export interface WebhookConfig {
  /** Deliver to loopback, private and link-local addresses too (an intranet; tests). */
  allowPrivate: boolean;
  /** How long one attempt waits for the answer. */
  timeoutMs: number;
  /** The wait before each retry, in order; jitter is added. After the last one the delivery has FAILED. */
  retryScheduleMs: number[];
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** About three days: PRODUCT.md "Webhooks". */
export const DEFAULT_RETRY_SCHEDULE_MS = [
  5_000,
  5 * MINUTE_MS,
  30 * MINUTE_MS,
  2 * HOUR_MS,
  5 * HOUR_MS,
  10 * HOUR_MS,
  14 * HOUR_MS,
  20 * HOUR_MS,
  24 * HOUR_MS,
];

const LOG_LEVELS: LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

function port(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new ConfigError(`${name}=${raw} is not a port: use a whole number from 0 to 65535.`);
  }
  return value;
}

function url(name: string, raw: string | undefined, protocols: string[]): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a URL: expected ${protocols[0]}//host:port/…`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.join(' or ')}, not ${parsed.protocol}`);
  }
  return raw;
}

function milliseconds(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 100 || value > 3_600_000) {
    throw new ConfigError(`${name}=${raw} is not a time in milliseconds: use a whole number from 100 to 3600000.`);
  }
  return value;
}

function flag(name: string, raw: string | undefined): boolean {
  if (raw === undefined || raw === '' || raw === '0') return false;
  if (raw === '1') return true;
  throw new ConfigError(`${name}=${raw}: use 1 to turn it on, 0 to leave it off.`);
}

function schedule(name: string, raw: string | undefined): number[] {
  if (raw === undefined || raw === '') return DEFAULT_RETRY_SCHEDULE_MS;
  const steps = raw.split(',').map((step) => Number(step.trim()));
  if (steps.length > 20 || steps.some((step) => !Number.isInteger(step) || step < 0 || step > 7 * 24 * HOUR_MS)) {
    throw new ConfigError(
      `${name}=${raw} is not a retry schedule: list up to 20 waits in milliseconds, comma-separated, e.g. 5000,300000.`,
    );
  }
  return steps;
}

/** The one place that reads the environment. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = url('DATABASE_URL', env.DATABASE_URL, ['postgres:', 'postgresql:']);
  const demoRaw = env.TROFAST_DEMO;
  if (demoRaw !== undefined && demoRaw !== '' && demoRaw !== '0' && demoRaw !== '1') {
    throw new ConfigError(`TROFAST_DEMO=${demoRaw}: use 1 to seed the demo organization, 0 not to.`);
  }
  const logLevel = (env.LOG_LEVEL || 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL=${env.LOG_LEVEL}: use one of ${LOG_LEVELS.join(', ')}.`);
  }
  const webPort = port('TROFAST_WEB_PORT', env.TROFAST_WEB_PORT, 3000);
  return {
    apiPort: port('TROFAST_API_PORT', env.TROFAST_API_PORT, 4000),
    webPort,
    databaseUrl,
    dataDir: path.resolve(env.TROFAST_DATA_DIR || '.trofast/data'),
    redisUrl: url('REDIS_URL', env.REDIS_URL, ['redis:', 'rediss:']),
    // The demo is on by default only for the embedded database, a newcomer's first run.
    demo: demoRaw === '1' || (demoRaw !== '0' && databaseUrl === undefined),
    logLevel,
    statementTimeoutMs: milliseconds('TROFAST_DB_STATEMENT_TIMEOUT_MS', env.TROFAST_DB_STATEMENT_TIMEOUT_MS, 15_000),
    lockTimeoutMs: milliseconds('TROFAST_DB_LOCK_TIMEOUT_MS', env.TROFAST_DB_LOCK_TIMEOUT_MS, 10_000),
    smtpUrl: url('SMTP_URL', env.SMTP_URL, ['smtp:', 'smtps:']),
    mailFrom: env.TROFAST_MAIL_FROM || 'Trofast <no-reply@localhost>',
    publicUrl: (
      url('TROFAST_PUBLIC_URL', env.TROFAST_PUBLIC_URL, ['https:', 'http:']) ?? `http://localhost:${webPort}`
    ).replace(/\/+$/, ''),
    webhooks: {
      allowPrivate: flag('TROFAST_WEBHOOKS_ALLOW_PRIVATE', env.TROFAST_WEBHOOKS_ALLOW_PRIVATE),
      timeoutMs: milliseconds('TROFAST_WEBHOOKS_TIMEOUT_MS', env.TROFAST_WEBHOOKS_TIMEOUT_MS, 15_000),
      retryScheduleMs: schedule('TROFAST_WEBHOOKS_RETRY_SCHEDULE_MS', env.TROFAST_WEBHOOKS_RETRY_SCHEDULE_MS),
    },
  };
}
