// An organization's rules, with the defaults of PRODUCT.md. Every rule that later code applies
// (earning, tiers, risk, engagement, satisfaction, SLAs, the contact cap) is read from here.
import type { IncidentSeverity, Locale, Tier } from './types.ts';

export interface EarnRate {
  /** `points` for every `per` whole currency units spent (floor). */
  points: number;
  per: number;
}

export interface OrganizationSettings {
  defaultLocale: Locale;
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
}

export const DEFAULT_SETTINGS: OrganizationSettings = {
  defaultLocale: 'DA',
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
};

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Stored settings over the defaults: what is not stored is the default. */
export function settingsOf(stored: unknown): OrganizationSettings {
  const merge = (base: unknown, over: unknown): unknown => {
    if (!isPlain(base) || !isPlain(over)) return over === undefined ? base : over;
    const merged: Plain = { ...base };
    for (const [key, value] of Object.entries(over)) merged[key] = merge(base[key], value);
    return merged;
  };
  return merge(DEFAULT_SETTINGS, stored) as OrganizationSettings;
}
