import { builder } from './builder.ts';
import { RiskLevelEnum } from './enums.ts';
import type { RiskLevel } from '../domain/types.ts';
import { authenticated } from '../auth/caller.ts';
import { runtime, tenantDb } from '../runtime.ts';
import {
  CUSTOMERS_TO_THANK_ORDER,
  customersToThankWhere,
  NPS_WINDOW_DAYS,
  overview,
} from '../services/overview.service.ts';

export const RiskLevelCount = builder.objectRef<{ level: RiskLevel; count: number }>('RiskLevelCount').implement({
  description: 'How many customers are at one risk level.',
  fields: (t) => ({
    level: t.expose('level', { type: RiskLevelEnum, description: 'The risk level.' }),
    count: t.exposeInt('count', { description: 'Customers at that level now.' }),
  }),
});

const OverviewRef = builder.objectRef<Awaited<ReturnType<typeof overview>>>('Overview').implement({
  description: "The organization's headline figures, as of now.",
  fields: (t) => ({
    customers: t.exposeInt('customers', { description: 'Customers in the organization.' }),
    openAlerts: t.exposeInt('openAlerts', { description: 'Alerts not yet resolved (open or acknowledged).' }),
    openIncidents: t.exposeInt('openIncidents', { description: 'Incidents not yet resolved (OPEN or IN_PROGRESS).' }),
    nps: t.exposeFloat('nps', {
      nullable: true,
      description: `Net Promoter Score of the last ${NPS_WINDOW_DAYS} days (promoters minus detractors, in percent); null without answers.`,
    }),
    riskDistribution: t.field({
      type: [RiskLevelCount],
      description: 'Customers per churn-risk level, one entry per level.',
      resolve: (parent) => parent.riskDistribution,
    }),
  }),
});

builder.queryField('overview', (t) =>
  t.field({
    type: OverviewRef,
    description: 'Counts, NPS and the risk distribution. Staff, or a key with `alerts:read` or `customers:read`.',
    resolve: (_root, _args, context) => overview(authenticated(context)),
  }),
);

builder.queryField('customersToThank', (t) =>
  t.prismaConnection({
    type: 'Customer',
    cursor: 'id',
    maxSize: 100,
    description:
      'Loyal customers (first purchase 12 months ago or more, engaged or promoters) with no thank-you in 180 days, longest-standing (earliest first purchase) first: say thank you before they feel ignored.',
    totalCount: (_connection, _args, context) =>
      tenantDb(authenticated(context)).customer.count({ where: customersToThankWhere(runtime().clock.now()) }),
    resolve: (query, _root, _args, context) =>
      tenantDb(authenticated(context)).customer.findMany({
        ...query,
        where: customersToThankWhere(runtime().clock.now()),
        orderBy: CUSTOMERS_TO_THANK_ORDER,
      }),
  }),
);
