// An organization's rules, with the defaults of PRODUCT.md. Every rule that later code applies
// (earning, tiers, risk, engagement, satisfaction, SLAs, the contact cap) is read from here.
import type { FieldError } from './errors.ts';
import type { IncidentSeverity, Locale, Tier } from './types.ts';

export interface EarnRate {
  /** `points` for every `per` whole currency units spent (floor). */
  points: number;
  per: number;
}

export interface OrganizationSettings {
  defaultLocale: Locale;
  /** IANA name: where "weekday mornings" are. */
  timeZone: string;
  defaultCurrency: string;
  loyalty: {
    /** Per accepted currency: the currencies purchases may be recorded in. */
    earnRates: Record<string, EarnRate>;
    pointsExpiryMonths: number;
    /** Points earned in the last 12 months to reach each tier (BRONZE is 0). */
    tierThresholds: Record<Exclude<Tier, 'BRONZE'>, number>;
  };
  risk: {
    twoStrikes: number;
    threeStrikes: number;
    badExperience: number;
    unresolvedIncident: number;
    unresolvedIncidentMax: number;
    slaBreached: number;
    ignored45: number;
    ignored90: number;
    ignored180: number;
    detractor: number;
    passive: number;
    engagementDrop: number;
    recovered: number;
    promoter: number;
    staffConcern: number;
    /** Score from which each level starts (LOW below MEDIUM). */
    levels: { MEDIUM: number; HIGH: number; CRITICAL: number };
  };
  engagement: {
    inboundInteraction: { each: number; max: number };
    purchase: { each: number; max: number };
    feedback: { each: number; max: number };
    redemption: { each: number; max: number };
  };
  satisfaction: {
    /** A signal's weight halves every this many days. */
    halfLifeDays: number;
  };
  /** Hours from opening to the SLA due time, per severity. */
  slaHours: Record<IncidentSeverity, number>;
  contactCap: { max: number; days: number };
  pulse: {
    /** Open a round by itself on the first of every month (an ADMIN can always open one by hand). */
    monthly: boolean;
    /** How long a round stays open. */
    openDays: number;
    /** A team's figures and comments show from this many answers (never below 3). */
    threshold: number;
  };
  /** Asking the customer on its own (PRODUCT.md "Asking"): which survey, when, and how often. */
  surveyTriggers: {
    /** null: no CSAT invitation after an incident is resolved. */
    csatAfterResolveSurveyId: string | null;
    csatDelayMinutes: number;
    /** null: no relational NPS cadence. */
    npsSurveyId: string | null;
    npsEveryMonths: number;
    /** Between two survey invitations to one customer. */
    surveyCooldownDays: number;
  };
  /**
   * Who customers see an email from. The address stays the server's (TROFAST_MAIL_FROM), the one
   * its mail provider lets it send from; replies go to `replyTo`. null: TROFAST_MAIL_FROM's name,
   * no Reply-To.
   */
  messageSender: { name: string | null; replyTo: string | null };
}

export const DEFAULT_SETTINGS: OrganizationSettings = {
  defaultLocale: 'DA',
  timeZone: 'Europe/Copenhagen',
  defaultCurrency: 'DKK',
  loyalty: {
    earnRates: {
      DKK: { points: 1, per: 10 },
      SEK: { points: 1, per: 10 },
      NOK: { points: 1, per: 10 },
      EUR: { points: 1, per: 1 },
    },
    pointsExpiryMonths: 24,
    tierThresholds: { SILVER: 1000, GOLD: 5000 },
  },
  risk: {
    twoStrikes: 40,
    threeStrikes: 55,
    badExperience: 15,
    unresolvedIncident: 10,
    unresolvedIncidentMax: 25,
    slaBreached: 10,
    ignored45: 10,
    ignored90: 20,
    ignored180: 30,
    detractor: 15,
    passive: 5,
    engagementDrop: 15,
    recovered: -10,
    promoter: -10,
    staffConcern: 15,
    levels: { MEDIUM: 30, HIGH: 50, CRITICAL: 70 },
  },
  engagement: {
    inboundInteraction: { each: 8, max: 32 },
    purchase: { each: 6, max: 30 },
    feedback: { each: 10, max: 20 },
    redemption: { each: 9, max: 18 },
  },
  satisfaction: { halfLifeDays: 90 },
  slaHours: { CRITICAL: 4, HIGH: 24, MEDIUM: 72, LOW: 168 },
  contactCap: { max: 4, days: 30 },
  pulse: { monthly: true, openDays: 14, threshold: 5 },
  surveyTriggers: {
    csatAfterResolveSurveyId: null,
    csatDelayMinutes: 1440,
    npsSurveyId: null,
    npsEveryMonths: 6,
    surveyCooldownDays: 30,
  },
  messageSender: { name: null, replyTo: null },
};

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// Maps keyed by the organization's own choices (currencies) are replaced, never merged key by key.
const REPLACED_WHOLE = new Set(['loyalty.earnRates']);
// Settings where null is a choice ("off"), not "unchanged".
const NULLABLE = new Set([
  'surveyTriggers.csatAfterResolveSurveyId',
  'surveyTriggers.npsSurveyId',
  'messageSender.name',
  'messageSender.replyTo',
]);

function mergeDeep(base: unknown, over: unknown, path = ''): unknown {
  if (over === undefined) return base;
  if (over === null) return NULLABLE.has(path) ? null : base;
  if (!isPlain(base) || !isPlain(over) || REPLACED_WHOLE.has(path)) return over;
  const merged: Plain = { ...base };
  for (const [key, value] of Object.entries(over))
    merged[key] = mergeDeep(base[key], value, path ? `${path}.${key}` : key);
  return merged;
}

/** Stored settings over the defaults: what is not stored is the default. */
export function settingsOf(stored: unknown): OrganizationSettings {
  return mergeDeep(DEFAULT_SETTINGS, stored) as OrganizationSettings;
}

/** The churn-risk weights that add points, and those that take points away. */
export const RISK_RAISING_WEIGHTS = [
  'twoStrikes',
  'threeStrikes',
  'badExperience',
  'unresolvedIncident',
  'unresolvedIncidentMax',
  'slaBreached',
  'ignored45',
  'ignored90',
  'ignored180',
  'detractor',
  'passive',
  'engagementDrop',
  'staffConcern',
] as const;
export const RISK_LOWERING_WEIGHTS = ['recovered', 'promoter'] as const;

/** Whether Intl knows this IANA time zone name. */
export function isTimeZone(name: unknown): boolean {
  try {
    return typeof name === 'string' && Boolean(new Intl.DateTimeFormat('en', { timeZone: name }));
  } catch {
    return false;
  }
}

const LOCALES: readonly string[] = ['DA', 'SV', 'NB', 'EN'];
/** One address, nothing a mail header could be split at. */
const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;
const CURRENCY = /^[A-Z]{3}$/;

/**
 * Checks a whole settings object; every problem is reported with its path in the settings
 * (e.g. ['risk', 'levels', 'HIGH']; an earn rate under its currency).
 */
export function validateSettings(settings: OrganizationSettings): FieldError[] {
  const errors: FieldError[] = [];
  const fail = (path: string[], message: string) => errors.push({ path, message });
  const integer = (path: string[], value: unknown, min: number, max: number) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      fail(path, `Use a whole number from ${min} to ${max}.`);
      return false;
    }
    return true;
  };

  if (!LOCALES.includes(settings.defaultLocale)) fail(['defaultLocale'], `Use one of ${LOCALES.join(', ')}.`);
  if (!isTimeZone(settings.timeZone)) fail(['timeZone'], 'Use an IANA time zone, e.g. Europe/Copenhagen.');
  const rates = Object.entries(settings.loyalty.earnRates);
  if (rates.length === 0) fail(['loyalty', 'earnRates'], 'Accept at least one currency.');
  for (const [currency, rate] of rates) {
    if (!CURRENCY.test(currency))
      fail(['loyalty', 'earnRates', currency], 'A currency is a three-letter ISO code (DKK).');
    integer(['loyalty', 'earnRates', currency, 'points'], rate.points, 0, 1000);
    integer(['loyalty', 'earnRates', currency, 'per'], rate.per, 1, 1_000_000);
  }
  if (!(settings.defaultCurrency in settings.loyalty.earnRates)) {
    fail(['defaultCurrency'], 'The default currency must be one of the accepted currencies (loyalty.earnRates).');
  }
  integer(['loyalty', 'pointsExpiryMonths'], settings.loyalty.pointsExpiryMonths, 1, 120);
  const { SILVER, GOLD } = settings.loyalty.tierThresholds;
  if (integer(['loyalty', 'tierThresholds', 'SILVER'], SILVER, 1, 10_000_000)) {
    if (integer(['loyalty', 'tierThresholds', 'GOLD'], GOLD, 1, 10_000_000) && GOLD <= SILVER) {
      fail(['loyalty', 'tierThresholds', 'GOLD'], 'GOLD must need more points than SILVER.');
    }
  }

  const risk = settings.risk;
  for (const key of RISK_RAISING_WEIGHTS) integer(['risk', key], risk[key], 0, 100);
  for (const key of RISK_LOWERING_WEIGHTS) integer(['risk', key], risk[key], -100, 0);
  const { MEDIUM, HIGH, CRITICAL } = risk.levels;
  const levelsValid = [
    integer(['risk', 'levels', 'MEDIUM'], MEDIUM, 1, 100),
    integer(['risk', 'levels', 'HIGH'], HIGH, 1, 100),
    integer(['risk', 'levels', 'CRITICAL'], CRITICAL, 1, 100),
  ].every(Boolean);
  if (levelsValid && !(MEDIUM < HIGH && HIGH < CRITICAL)) {
    fail(['risk', 'levels'], 'Levels must rise: MEDIUM < HIGH < CRITICAL.');
  }

  for (const key of ['inboundInteraction', 'purchase', 'feedback', 'redemption'] as const) {
    integer(['engagement', key, 'each'], settings.engagement[key].each, 0, 100);
    integer(['engagement', key, 'max'], settings.engagement[key].max, 0, 100);
  }
  integer(['satisfaction', 'halfLifeDays'], settings.satisfaction.halfLifeDays, 1, 3650);
  for (const severity of ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const) {
    integer(['slaHours', severity], settings.slaHours[severity], 1, 24 * 365);
  }
  integer(['contactCap', 'max'], settings.contactCap.max, 0, 1000);
  integer(['contactCap', 'days'], settings.contactCap.days, 1, 365);
  if (typeof settings.pulse.monthly !== 'boolean') fail(['pulse', 'monthly'], 'Use true or false.');
  integer(['pulse', 'openDays'], settings.pulse.openDays, 1, 28);
  // Below 3 answers a person could recognise their own and a colleague's: never allowed.
  integer(['pulse', 'threshold'], settings.pulse.threshold, 3, 100);
  const triggers = settings.surveyTriggers;
  integer(['surveyTriggers', 'csatDelayMinutes'], triggers.csatDelayMinutes, 0, 60 * 24 * 30);
  integer(['surveyTriggers', 'npsEveryMonths'], triggers.npsEveryMonths, 1, 60);
  integer(['surveyTriggers', 'surveyCooldownDays'], triggers.surveyCooldownDays, 0, 365);
  const sender = settings.messageSender;
  if (sender.name !== null && (typeof sender.name !== 'string' || !/^[^\r\n<>"]{1,100}$/.test(sender.name)))
    fail(['messageSender', 'name'], 'Use 1 to 100 characters on one line, without < > or ".');
  if (
    sender.replyTo !== null &&
    (typeof sender.replyTo !== 'string' || sender.replyTo.length > 254 || !EMAIL.test(sender.replyTo))
  )
    fail(['messageSender', 'replyTo'], 'Use one email address, e.g. hello@shop.example.');
  return errors;
}

/** Applies a partial change to stored settings; the result is validated by the caller. Accepted currencies are replaced as a whole. */
export function mergeSettings(current: OrganizationSettings, change: unknown): OrganizationSettings {
  return settingsOf(mergeDeep(current, change));
}
