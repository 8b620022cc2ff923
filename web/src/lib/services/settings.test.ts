import { describe, expect, test } from 'vitest';
import { settingsInput } from './settings';
import { RISK_WEIGHTS, type OrganizationSettings } from '$lib/graphql/types';

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
        ...Object.fromEntries(RISK_WEIGHTS.map((key, index) => [key, index - 5])),
        levels: { MEDIUM: 30, HIGH: 50, CRITICAL: 70 },
      },
      engagement: {
        inboundInteraction: { each: '8', max: 32, __typename: 'EngagementPart' },
        purchase: { each: 6, max: 30 },
        feedback: { each: 10, max: 20 },
        redemption: { each: 9, max: 18 },
      },
      satisfactionHalfLifeDays: '90',
      slaHours: { LOW: 168, MEDIUM: 72, HIGH: 24, CRITICAL: 4 },
      contactCap: { max: 4, days: 30 },
    } as unknown as OrganizationSettings;
    const input = settingsInput(settings);
    expect(input.defaultCurrency).toBe('DKK');
    expect(input.loyalty).toEqual({
      earnRates: [{ currency: 'DKK', points: 2, per: 10 }],
      pointsExpiryMonths: 24,
      tierThresholds: { SILVER: 1000, GOLD: 5000 },
    });
    expect(input.risk).toMatchObject({ twoStrikes: -5, promoter: 8, levels: { MEDIUM: 30, HIGH: 50, CRITICAL: 70 } });
    expect(input.engagement).toMatchObject({
      inboundInteraction: { each: 8, max: 32 },
      redemption: { each: 9, max: 18 },
    });
    expect(input.satisfactionHalfLifeDays).toBe(90);
    expect(JSON.stringify(input)).not.toContain('__typename');
  });
});
