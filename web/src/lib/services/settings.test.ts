import { describe, expect, test } from 'vitest';
import { settingsInput } from './settings';
import type { OrganizationSettings } from '$lib/graphql/types';

describe('saving the organization’s settings', () => {
  test('sends exactly the input fields, as numbers, whatever else the form held', () => {
    const settings = {
      __typename: 'OrganizationSettings',
      defaultLocale: 'DA',
      defaultCurrency: 'DKK',
      loyalty: {
        earnRates: [{ currency: 'DKK', points: '2', per: 10, __typename: 'EarnRate' }],
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
      slaHours: { LOW: 168, MEDIUM: 72, HIGH: 24, CRITICAL: 4 },
      contactCap: { max: 4, days: 30 },
    } as unknown as OrganizationSettings;
    const input = settingsInput(settings);
    expect(input).not.toHaveProperty('defaultCurrency');
    expect(input.loyalty).toEqual({
      earnRates: [{ currency: 'DKK', points: 2, per: 10 }],
      pointsExpiryMonths: 24,
      tierThresholds: { SILVER: 1000, GOLD: 5000 },
    });
    expect(input.risk).toMatchObject({ recovered: -10, levels: { MEDIUM: 30, HIGH: 50, CRITICAL: 70 } });
    expect(JSON.stringify(input)).not.toContain('__typename');
  });
});
