import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, login, type TestOrganization } from '../support/fixtures.ts';

let app: TestApp;
let org: TestOrganization;

const SETTINGS = `{
  defaultLocale defaultCurrency
  loyalty { earnRates { currency points per } pointsExpiryMonths tierThresholds { SILVER GOLD } }
  risk { twoStrikes threeStrikes badExperience unresolvedIncident unresolvedIncidentMax slaBreached
         ignored45 ignored90 ignored180 detractor passive engagementDrop recovered promoter
         levels { MEDIUM HIGH CRITICAL } }
  engagement { inboundInteraction { each max } purchase { each max } feedback { each max } redemption { each max } }
  satisfactionHalfLifeDays
  slaHours { LOW MEDIUM HIGH CRITICAL }
  contactCap { max days }
}`;
const UPDATE = `mutation ($settings: OrganizationSettingsInput!) {
  updateOrganizationSettings(settings: $settings) {
    __typename
    ... on MutationUpdateOrganizationSettingsSuccess { data ${SETTINGS} }
    ... on ValidationError { fieldErrors { path message } }
  }
}`;

beforeAll(async () => {
  app = await startTestApp();
  org = await createTestOrganization(app, 'Regler');
});
afterAll(() => app.stop());

test('a new organization has the defaults of PRODUCT.md', async () => {
  const result = await app.graphql(`{ organization { name settings ${SETTINGS} } }`, {}, org.tokens.VIEWER);
  expect(result.data!.organization.settings).toEqual({
    defaultLocale: 'DA',
    defaultCurrency: 'DKK',
    loyalty: {
      earnRates: [
        { currency: 'DKK', points: 1, per: 10 },
        { currency: 'SEK', points: 1, per: 10 },
        { currency: 'NOK', points: 1, per: 10 },
        { currency: 'EUR', points: 1, per: 1 },
      ],
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
    satisfactionHalfLifeDays: 90,
    slaHours: { LOW: 168, MEDIUM: 72, HIGH: 24, CRITICAL: 4 },
    contactCap: { max: 4, days: 30 },
  });
});

test('an ADMIN changes one rule and the rest stay', async () => {
  const result = await app.graphql(
    UPDATE,
    { settings: { contactCap: { max: 6 }, slaHours: { CRITICAL: 2 } } },
    org.tokens.ADMIN,
  );
  const settings = result.data!.updateOrganizationSettings.data;
  expect(settings.contactCap).toEqual({ max: 6, days: 30 });
  expect(settings.slaHours).toEqual({ LOW: 168, MEDIUM: 72, HIGH: 24, CRITICAL: 2 });
  expect(settings.risk.twoStrikes).toBe(40);
});

test('accepted currencies are replaced as a whole', async () => {
  const result = await app.graphql(
    UPDATE,
    { settings: { defaultCurrency: 'EUR', loyalty: { earnRates: [{ currency: 'eur', points: 2, per: 1 }] } } },
    org.tokens.ADMIN,
  );
  expect(result.data!.updateOrganizationSettings.data.loyalty.earnRates).toEqual([
    { currency: 'EUR', points: 2, per: 1 },
  ]);
});

test('a wrong value gets a ValidationError naming its path, and nothing changes', async () => {
  const result = await app.graphql(
    UPDATE,
    {
      settings: { risk: { levels: { HIGH: 20 } }, loyalty: { tierThresholds: { GOLD: 500 } }, contactCap: { days: 0 } },
    },
    org.tokens.ADMIN,
  );
  expect(result.data!.updateOrganizationSettings).toEqual({
    __typename: 'ValidationError',
    fieldErrors: [
      {
        path: ['settings', 'loyalty', 'tierThresholds', 'GOLD'],
        message: 'GOLD must need more points than SILVER.',
      },
      { path: ['settings', 'risk', 'levels'], message: 'Levels must rise: MEDIUM < HIGH < CRITICAL.' },
      { path: ['settings', 'contactCap', 'days'], message: 'Use a whole number from 1 to 365.' },
    ],
  });
  const after = await app.graphql(
    '{ organization { settings { risk { levels { HIGH } } contactCap { days } } } }',
    {},
    org.tokens.VIEWER,
  );
  expect(after.data!.organization.settings).toEqual({ risk: { levels: { HIGH: 50 } }, contactCap: { days: 30 } });
});

describe('a wrong value is named by its path in OrganizationSettingsInput, not in the stored settings', () => {
  const RATES = [
    { currency: 'DKK', points: 1, per: 10 },
    { currency: 'SEK', points: 1, per: 10 },
  ];
  let fresh: TestOrganization;
  beforeAll(async () => {
    fresh = await createTestOrganization(app, 'Forkerte regler');
  });

  test.each([
    ['defaultCurrency', { defaultCurrency: 'USD' }],
    ['loyalty.earnRates', { loyalty: { earnRates: [] } }],
    ['loyalty.earnRates', { loyalty: { earnRates: [RATES[1]] } }],
    ['loyalty.earnRates.1.currency', { loyalty: { earnRates: [RATES[0], { ...RATES[1], currency: 'kroner' }] } }],
    ['loyalty.earnRates.1.currency', { loyalty: { earnRates: [RATES[0], { ...RATES[0], currency: 'dkk' }] } }],
    ['loyalty.earnRates.1.points', { loyalty: { earnRates: [RATES[0], { ...RATES[1], points: -1 }] } }],
    ['loyalty.earnRates.0.per', { loyalty: { earnRates: [{ ...RATES[0], per: 0 }, RATES[1]] } }],
    ['loyalty.pointsExpiryMonths', { loyalty: { pointsExpiryMonths: 0 } }],
    ['loyalty.tierThresholds.SILVER', { loyalty: { tierThresholds: { SILVER: 5000 } } }],
    ['loyalty.tierThresholds.GOLD', { loyalty: { tierThresholds: { GOLD: 1000 } } }],
    ['risk.twoStrikes', { risk: { twoStrikes: 101 } }],
    ['risk.promoter', { risk: { promoter: 5 } }],
    ['risk.levels.CRITICAL', { risk: { levels: { CRITICAL: 0 } } }],
    ['risk.levels', { risk: { levels: { MEDIUM: 60 } } }],
    ['engagement.purchase.max', { engagement: { purchase: { max: 101 } } }],
    ['satisfactionHalfLifeDays', { satisfactionHalfLifeDays: 0 }],
    ['slaHours.LOW', { slaHours: { LOW: 0 } }],
    ['contactCap.max', { contactCap: { max: -1 } }],
  ])('settings.%s for %j', async (path, settings) => {
    const result = await app.graphql(UPDATE, { settings }, fresh.tokens.ADMIN);
    const { fieldErrors } = result.data!.updateOrganizationSettings;
    // An empty list of currencies breaks two rules; both name the list.
    const named = new Set(fieldErrors.map((error: { path: string[] }) => error.path.join('.')));
    expect(named).toEqual(new Set([`settings.${path}`]));
  });
});

test('a MANAGER cannot change settings', async () => {
  const result = await app.graphql(UPDATE, { settings: { contactCap: { max: 1 } } }, org.tokens.MANAGER);
  expect(result.data!.updateOrganizationSettings.__typename).toBe('ForbiddenError');
});

test('new risk weights reach the stored risk of existing customers at the next background round', async () => {
  const customer = `query ($ref: CustomerRef!) { customer(ref: $ref) { risk { score factors { code points } } } }`;
  const ref = { ref: { externalId: 'VÆGT-1' } };
  await app.graphql(
    `mutation { upsertCustomer(input: { externalId: "VÆGT-1", name: "Vægt Kunde" }) { __typename } }`,
    {},
    org.tokens.ADMIN,
  );
  app.clock.set(new Date(app.clock.now().getTime() + 100 * 24 * 60 * 60 * 1000));
  await app.runJobs();
  // A hundred days on, the sessions of the day before have ended.
  const [viewer, admin] = [await login(app, org.emails.VIEWER), await login(app, org.emails.ADMIN)];
  const before = (await app.graphql(customer, ref, viewer)).data!.customer.risk;
  expect(before.factors).toContainEqual({ code: 'IGNORED', points: 20 });

  await app.graphql(UPDATE, { settings: { risk: { ignored90: 35 } } }, admin);
  await app.runJobs();
  const after = (await app.graphql(customer, ref, viewer)).data!.customer.risk;
  expect(after.factors).toContainEqual({ code: 'IGNORED', points: 35 });
  expect(after.score).toBe(before.score + 15);
});
