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
  fields: (t) => ({
    level: t.expose('level', { type: RiskLevelEnum }),
    count: t.exposeInt('count'),
  }),
});

const OverviewRef = builder.objectRef<Awaited<ReturnType<typeof overview>>>('Overview').implement({
  fields: (t) => ({
    customers: t.exposeInt('customers'),
    openAlerts: t.exposeInt('openAlerts', { description: 'Alerts not yet resolved (open or acknowledged).' }),
    openIncidents: t.exposeInt('openIncidents'),
    nps: t.exposeFloat('nps', {
      nullable: true,
      description: `Net Promoter Score of the last ${NPS_WINDOW_DAYS} days (promoters minus detractors, in percent); null without answers.`,
    }),
    riskDistribution: t.field({ type: [RiskLevelCount], resolve: (parent) => parent.riskDistribution }),
  }),
});

builder.queryField('overview', (t) =>
  t.field({ type: OverviewRef, resolve: (_root, _args, context) => overview(authenticated(context)) }),
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
