// Answers for the dashboard's operations, by operation name, in the API's shapes, so browser tests
// can check how pages render what the demo does not show: 500 open alerts, a refused field.
// Anything not named here goes to the real API.
import type { Page, Route } from 'playwright-core';
import { DEFAULT_SETTINGS } from '../../../api/src/domain/settings.ts';

const now = Date.now();
const ago = (hours: number) => new Date(now - hours * 3_600_000).toISOString();
const ahead = (hours: number) => new Date(now + hours * 3_600_000).toISOString();
const connection = <T>(nodes: T[]) => ({
  edges: nodes.map((node, index) => ({ cursor: String(index), node })),
  pageInfo: { hasNextPage: false, endCursor: null },
  totalCount: nodes.length,
});
const user = (id: string, name: string) => ({ id, name });
const dkk = (amountMinor: number) => ({ amountMinor, currency: 'DKK' });
/** One row of program economics, in the API's shape (`EconomicsFigures`). */
const figures = (row: {
  redemptions: number;
  cancelled: number;
  pointsBurned: number;
  cost: number;
  rates: [number, number];
  extra: number;
}) => ({
  redemptions: row.redemptions,
  cancelled: row.cancelled,
  pointsBurned: row.pointsBurned,
  cost: dkk(row.cost),
  retention: {
    redeemers: row.redemptions,
    redeemersRetained: Math.round(row.redemptions * row.rates[0]),
    redeemerRate: row.rates[0],
    baselineRate: row.rates[1],
    extraRetained: row.extra,
    uncompared: 0,
  },
  costPerExtraRetained: dkk(Math.round(row.cost / row.extra)),
});

export const alerts = [
  {
    id: 'alert-1',
    kind: 'TWO_STRIKES',
    severity: 'CRITICAL',
    status: 'OPEN',
    topSpender: false,
    title: 'Second bad experience in 90 days',
    message: 'Ingrid Solberg reported a late delivery after a detractor answer three weeks ago.',
    createdAt: ago(1),
    updatedAt: ago(1),
    acknowledgedAt: null,
    customer: { id: 'customer-1', name: 'Ingrid Solberg' },
    incident: null,
    assignee: null,
    acknowledgedBy: null,
  },
  {
    id: 'alert-2',
    kind: 'IGNORED',
    severity: 'WARNING',
    status: 'ACKNOWLEDGED',
    topSpender: true,
    title: 'No personal contact for 94 days',
    message: 'One of the top 10% by spend: nobody has talked to Lars Madsen since March.',
    createdAt: ago(5),
    updatedAt: ago(2),
    acknowledgedAt: ago(2),
    customer: { id: 'customer-2', name: 'Lars Madsen' },
    incident: null,
    assignee: user('user-manager', 'Mads Kjær'),
    acknowledgedBy: user('user-manager', 'Mads Kjær'),
  },
  {
    id: 'alert-3',
    kind: 'CHURN_RISK',
    severity: 'INFO',
    status: 'OPEN',
    topSpender: false,
    title: 'Churn risk rose to HIGH',
    message: 'Risk 55: an unresolved incident and falling engagement.',
    createdAt: ago(26),
    updatedAt: ago(26),
    acknowledgedAt: null,
    customer: { id: 'customer-3', name: 'Cykelklubben Nord ApS' },
    incident: null,
    assignee: null,
    acknowledgedBy: null,
  },
];

const customer = {
  id: 'customer-1',
  externalId: 'shop-1042',
  name: 'Ingrid Solberg',
  email: 'ingrid@example.no',
  phone: null,
  kind: 'PERSON',
  locale: 'NB',
  tier: 'SILVER',
  pointsBalance: 1340,
  createdAt: ago(24 * 400),
  engagement: 38,
  engagementParts: [
    { code: 'INBOUND_INTERACTION', points: 8, count: 1, explanation: '1 inbound contact in the last 90 days: +8.' },
    { code: 'PURCHASE', points: 30, count: 6, explanation: '6 purchases in the last 90 days: +30 (at most 30).' },
  ],
  satisfaction: 41,
  satisfactionKnown: true,
  satisfactionParts: [
    {
      code: 'NPS',
      points: null,
      count: 1,
      explanation: '1 NPS answer in the last 365 days: 40 of 100 on average, 100% of the weight.',
    },
  ],
  lastPersonalContactAt: ago(24 * 52),
  accountManager: user('user-agent', 'Sofie Lund'),
  consents: [
    { channel: 'EMAIL', granted: true },
    { channel: 'SMS', granted: false },
  ],
  alerts: connection([
    {
      id: 'alert-1',
      kind: 'TWO_STRIKES',
      severity: 'CRITICAL',
      status: 'OPEN',
      title: 'Second bad experience in 90 days',
      createdAt: ago(1),
    },
  ]),
  risk: {
    score: 72,
    level: 'CRITICAL',
    computedAt: ago(1),
    factors: [
      { code: 'TWO_STRIKES', points: 40, explanation: 'Two bad experiences in the last 90 days.' },
      { code: 'UNRESOLVED_INCIDENT', points: 10, explanation: 'One incident is still open.' },
      { code: 'IGNORED', points: 10, explanation: '52 days since anyone talked to her personally.' },
      { code: 'DETRACTOR', points: 15, explanation: 'Her latest NPS answer was 4.' },
      { code: 'RECOVERED', points: -3, explanation: 'An earlier incident ended well.' },
    ],
  },
  pointsLedger: connection([
    {
      id: 'entry-2',
      delta: -500,
      kind: 'REDEEM',
      explanation: '500 points for a free service check on 2 Mar 2026.',
      balanceAfter: 1340,
      expiresAt: null,
      occurredAt: ago(24 * 10),
      createdAt: ago(24 * 10),
    },
    {
      id: 'entry-1',
      delta: 1200,
      kind: 'EARN_PURCHASE',
      explanation: '1,200 points for your purchase of 12,000.00 DKK on 3 Jan 2026 (1 point per 10 DKK).',
      balanceAfter: 1840,
      expiresAt: ahead(24 * 600),
      occurredAt: ago(24 * 60),
      createdAt: ago(24 * 60),
    },
  ]),
  purchases: connection([
    {
      id: 'purchase-1',
      amount: { amountMinor: 1200000, currency: 'DKK' },
      occurredAt: ago(24 * 60),
      pointsEarned: 1200,
    },
  ]),
  interactions: connection([
    {
      id: 'interaction-1',
      channel: 'PHONE',
      direction: 'OUTBOUND',
      kind: 'CHECK_IN',
      personal: true,
      occurredAt: ago(24 * 52),
      note: 'Asked how the new bike rides.',
    },
  ]),
};

/** The rest of the customer's timeline: each part is its own query on the page. */
const activity = {
  incidents: connection([
    {
      id: 'incident-1',
      title: 'Delivery two weeks late',
      description: null,
      category: 'DELIVERY',
      severity: 'HIGH',
      status: 'OPEN',
      source: 'Web shop',
      openedAt: ago(3),
      firstResponseAt: null,
      resolvedAt: null,
      slaDueAt: ahead(21),
      slaBreached: false,
      resolution: null,
      customerSatisfied: 'UNKNOWN',
      owner: null,
    },
  ]),
  feedback: connection([
    {
      id: 'feedback-1',
      score: 4,
      option: null,
      comment: 'Slow answers.',
      channel: 'EMAIL',
      occurredAt: ago(24 * 21),
      survey: { id: 'survey-1', kind: 'NPS', question: 'Would you recommend us?' },
    },
  ]),
  redemptions: connection([
    {
      id: 'redemption-1',
      points: 500,
      status: 'FULFILLED',
      createdAt: ago(24 * 10),
      cancelledAt: null,
      reward: { id: 'reward-1', name: 'Service check' },
    },
  ]),
};

const incidents = [
  { ...activity.incidents.edges[0].node, customer: { id: 'customer-1', name: 'Ingrid Solberg' } },
  {
    ...activity.incidents.edges[0].node,
    id: 'incident-2',
    title: 'Charged twice',
    category: 'BILLING',
    severity: 'CRITICAL',
    status: 'IN_PROGRESS',
    openedAt: ago(6),
    firstResponseAt: ago(5),
    slaDueAt: ago(2),
    slaBreached: true,
    owner: user('user-agent', 'Sofie Lund'),
    customer: { id: 'customer-2', name: 'Lars Madsen' },
  },
];

const feedback = Array.from({ length: 40 }, (_, index) => ({
  id: `feedback-${index}`,
  score: [9, 10, 7, 3, 8, 10, 6, 9][index % 8],
  option: null,
  comment: index % 5 === 0 ? 'Great service in the shop.' : null,
  channel: 'EMAIL',
  occurredAt: ago(24 * (index * 2 + 1)),
  survey: { id: 'survey-1', kind: 'NPS', question: 'Would you recommend us?' },
  customer: { id: `customer-${index % 3}`, name: ['Ingrid Solberg', 'Lars Madsen', 'Erik Nyström'][index % 3] },
}));

const rewards = [
  {
    id: 'reward-1',
    name: 'Service check',
    description: 'A full check of brakes, gears and tyres.',
    pointsCost: 500,
    kind: 'SERVICE_UPGRADE',
    unitCost: { amountMinor: 15000, currency: 'DKK' },
    stock: null,
    minimumTier: 'BRONZE',
    active: true,
  },
  {
    id: 'reward-2',
    name: 'Weekend tour with the shop',
    description: null,
    pointsCost: 4000,
    kind: 'EXPERIENCE',
    unitCost: { amountMinor: 90000, currency: 'DKK' },
    stock: 6,
    minimumTier: 'GOLD',
    active: true,
  },
];

const DATA: Record<string, unknown> = {
  OpenAlerts: { alerts: connection(alerts) },
  AlertsSince: { alerts: connection([]) },
  Customers: {
    customers: connection([
      {
        id: 'customer-1',
        externalId: 'shop-1042',
        name: 'Ingrid Solberg',
        email: 'ingrid@example.no',
        tier: 'SILVER',
        pointsBalance: 1340,
        lastPersonalContactAt: ago(24 * 52),
        risk: {
          score: 72,
          level: 'CRITICAL',
          factors: [
            { code: 'TWO_STRIKES', points: 40 },
            { code: 'DETRACTOR', points: 15 },
          ],
        },
      },
      {
        id: 'customer-2',
        externalId: 'shop-0077',
        name: 'Lars Madsen',
        email: null,
        tier: 'GOLD',
        pointsBalance: 8120,
        lastPersonalContactAt: null,
        risk: { score: 35, level: 'MEDIUM', factors: [{ code: 'IGNORED', points: 30 }] },
      },
    ]),
  },
  Customer: { customer },
  CustomerIncidents: { customer: { id: customer.id, incidents: activity.incidents } },
  CustomerFeedback: { customer: { id: customer.id, feedback: activity.feedback } },
  CustomerRedemptions: { customer: { id: customer.id, redemptions: activity.redemptions } },
  Incidents: { incidents: connection(incidents) },
  Feedback: { feedback: connection(feedback.slice(0, 25)) },
  NpsTrend: {
    // Twelve months, one without answers: the line leaves a gap there.
    npsTrend: Array.from({ length: 12 }, (_, index) => {
      const start = new Date(Date.UTC(2026, index, 1)).toISOString();
      const end = new Date(Date.UTC(2026, index + 1, 1)).toISOString();
      const label = start.slice(0, 7);
      return index === 7
        ? { start, end, label, answers: 0, nps: null }
        : { start, end, label, answers: 10 + index, nps: [12, 20, 18, 25, 31, 28, 35, 0, 40, 38, 44, 47][index] };
    }),
  },
  Surveys: {
    surveys: [
      {
        id: 'survey-1',
        kind: 'NPS',
        question: 'Would you recommend us?',
        options: [],
        participationPoints: 25,
        active: true,
        answerCount: 40,
      },
    ],
  },
  Rewards: { rewards },
  ProgramEconomics: {
    programEconomics: {
      __typename: 'QueryProgramEconomicsSuccess',
      data: {
        from: ago(24 * 365),
        to: ago(0),
        currency: 'DKK',
        method:
          'Share of redeemers who bought again within 90 days, against customers of the same tier who did not redeem.',
        total: figures({
          redemptions: 14,
          cancelled: 1,
          pointsBurned: 19000,
          cost: 750000,
          rates: [0.71, 0.52],
          extra: 2.66,
        }),
        rewards: [
          {
            reward: { id: 'reward-1', name: 'Service check' },
            ...figures({
              redemptions: 12,
              cancelled: 1,
              pointsBurned: 6000,
              cost: 180000,
              rates: [0.75, 0.52],
              extra: 2.76,
            }),
          },
        ],
      },
    },
  },
  Staff: {
    users: [
      {
        id: 'user-admin',
        name: 'Astrid Holm',
        email: 'admin@nordlys.example',
        role: 'ADMIN',
        locale: 'EN',
        active: true,
      },
      {
        id: 'user-manager',
        name: 'Mads Kjær',
        email: 'manager@nordlys.example',
        role: 'MANAGER',
        locale: 'DA',
        active: true,
      },
      {
        id: 'user-agent',
        name: 'Sofie Lund',
        email: 'agent@nordlys.example',
        role: 'AGENT',
        locale: 'DA',
        active: true,
      },
    ],
  },
  Organization: {
    organization: {
      id: 'organization-1',
      name: 'Nordlys Cykler',
      // The API's defaults, in the shape the API prints (earn rates as a list, the half-life flat).
      settings: {
        ...DEFAULT_SETTINGS,
        satisfaction: undefined,
        satisfactionHalfLifeDays: DEFAULT_SETTINGS.satisfaction.halfLifeDays,
        loyalty: {
          ...DEFAULT_SETTINGS.loyalty,
          earnRates: Object.entries(DEFAULT_SETTINGS.loyalty.earnRates).map(([currency, rate]) => ({
            currency,
            ...rate,
          })),
        },
      },
    },
  },
  ApiKeys: {
    apiKeys: [
      {
        id: 'key-1',
        name: 'Web shop',
        scopes: ['CUSTOMERS_WRITE', 'EVENTS_WRITE'],
        prefix: 'trf_3k9a',
        lastUsedAt: ago(1),
        revokedAt: null,
        createdAt: ago(24 * 30),
      },
    ],
  },
};

type Body = { operationName?: string; variables?: Record<string, unknown> };

/** Mutations answer like the contract: a Success, or errors as data. */
function mutation(body: Body): unknown {
  switch (body.operationName) {
    case 'AcknowledgeAlert': {
      const alert = alerts.find((item) => item.id === body.variables?.id);
      return {
        acknowledgeAlert: {
          __typename: 'MutationAcknowledgeAlertSuccess',
          data: {
            ...alert,
            status: 'ACKNOWLEDGED',
            updatedAt: new Date().toISOString(),
            acknowledgedAt: new Date().toISOString(),
            acknowledgedBy: user('user-manager', 'Mads Kjær'),
          },
        },
      };
    }
    case 'AdjustPoints':
      return {
        adjustPoints: {
          __typename: 'ValidationError',
          message: 'The input is invalid.',
          fieldErrors: [{ path: ['input', 'reason'], message: 'Say why, in words the customer understands.' }],
        },
      };
    default:
      return null;
  }
}

/** Answers the dashboard's /graphql with the fixtures; anything unknown goes to the real API. */
export async function serveFixtures(page: Page): Promise<void> {
  await page.route('**/graphql', async (route: Route) => {
    const request = route.request();
    if (request.method() !== 'POST') return route.continue();
    const body = request.postDataJSON() as Body;
    const name = body.operationName ?? '';
    const data = DATA[name] ?? mutation(body);
    if (!data) return route.continue();
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ data }) });
  });
}

/**
 * Answers the board's first load with `count` open alerts of every kind, a minute apart, critical
 * and warning in turn (INFO alerts would be gathered into groups: each card is to be shown), and
 * acknowledges them; everything else goes on. Returns a function that stops answering.
 */
export async function serveOpenAlerts(page: Page, count: number): Promise<() => Promise<void>> {
  const kinds = ['CHURN_RISK', 'TWO_STRIKES', 'INCIDENT', 'SLA_BREACH', 'IGNORED', 'DETRACTOR'];
  const many = Array.from({ length: count }, (_, index) => {
    const at = new Date(now - index * 60_000).toISOString();
    return {
      ...alerts[index % 3],
      id: `many-${index}`,
      kind: kinds[index % 6],
      severity: index % 2 === 0 ? 'CRITICAL' : 'WARNING',
      status: 'OPEN',
      createdAt: at,
      updatedAt: at,
    };
  });
  const answer = async (route: Route) => {
    const body = route.request().postDataJSON() as {
      operationName?: string;
      variables?: { id?: string; first?: number; after?: string | null };
    };
    if (body.operationName === 'OpenAlerts') {
      // Paged as the API pages: `first` from the cursor `after`, with the total.
      const start = body.variables?.after ? Number(body.variables.after) + 1 : 0;
      const nodes = many.slice(start, start + (body.variables?.first ?? 100));
      const alerts = {
        edges: nodes.map((node, index) => ({ cursor: String(start + index), node })),
        pageInfo: { hasNextPage: start + nodes.length < many.length, endCursor: String(start + nodes.length - 1) },
        totalCount: many.length,
      };
      return route.fulfill({ json: { data: { alerts } } });
    }
    const alert = many.find((item) => item.id === body.variables?.id);
    if (body.operationName !== 'AcknowledgeAlert' || !alert) return route.fallback();
    const data = { ...alert, status: 'ACKNOWLEDGED', updatedAt: new Date().toISOString() };
    await route.fulfill({
      json: { data: { acknowledgeAlert: { __typename: 'MutationAcknowledgeAlertSuccess', data } } },
    });
  };
  await page.route('**/graphql', answer);
  return () => page.unroute('**/graphql', answer);
}
