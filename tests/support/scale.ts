// Fills an organization with many customers and their history in a few set-based statements
// (minutes for a million, seconds for 100 000), for the scale benchmark and the query-plan test.
// The rows are shaped like the API's own (ledger chains, open alerts, NPS answers), not written
// through it: what is measured here is how reads grow, not how writes are made.
import pg from 'pg';

export interface ScaleShape {
  customers: number;
  /** Purchases per customer, spread over the two years before `now`. */
  purchasesPerCustomer: number;
  /** Open alerts, one each on the first customers; every customer also has a resolved one. */
  openAlerts: number;
  now: Date;
}

const FIRST_NAMES = ['Anna', 'Lars', 'Maja', 'Erik', 'Ingrid', 'Mads', 'Sofie', 'Nils', 'Karin', 'Ole'];
const LAST_NAMES = ['Holm', 'Jensen', 'Lindqvist', 'Berg', 'Nielsen', 'Dahl', 'Strand', 'Lund', 'Eriksson', 'Vik'];

/** Adds `shape.customers` customers (external ids `scale-1` …) with their history to the organization. */
export async function fillOrganization(databaseUrl: string, organizationId: string, shape: ScaleShape): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const now = shape.now.toISOString();
    await client.query(
      `INSERT INTO "Customer" ("id", "organizationId", "externalId", "name", "email", "locale", "tier",
         "riskScore", "riskLevel", "riskComputedAt", "engagement", "satisfaction", "lastPersonalContactAt",
         "firstEventAt", "firstPurchaseAt", "pointsBalance", "createdAt", "updatedAt")
       SELECT gen_random_uuid()::text, $1, 'scale-' || g,
         ($4::text[])[1 + g % 10] || ' ' || ($5::text[])[1 + (g / 10) % 10] || ' ' || g,
         'scale' || g || '@example.com',
         (ARRAY['DA', 'SV', 'NB', 'EN']::"Locale"[])[1 + g % 4],
         (ARRAY['BRONZE', 'BRONZE', 'SILVER', 'GOLD']::"Tier"[])[1 + g % 4],
         g % 101,
         (CASE WHEN g % 101 >= 80 THEN 'CRITICAL' WHEN g % 101 >= 55 THEN 'HIGH' WHEN g % 101 >= 30 THEN 'MEDIUM' ELSE 'LOW' END)::"RiskLevel",
         $3::timestamptz, g % 100, 20 + g % 80,
         CASE WHEN g % 7 = 0 THEN NULL ELSE $3::timestamptz - (g % 400) * interval '1 day' END,
         $3::timestamptz - interval '730 days', $3::timestamptz - interval '730 days',
         -- Purchase k earns 10 + k points (below): the balance is their sum, set here. An UPDATE of
         -- every customer afterwards rewrote each row in every index, the trigram one too: at 1 M
         -- customers it had not ended after 17 minutes.
         10 * $6::int + $6::int * ($6::int + 1) / 2,
         $3::timestamptz - interval '730 days', $3::timestamptz
       FROM generate_series(1, $2::int) g`,
      [organizationId, shape.customers, now, FIRST_NAMES, LAST_NAMES, shape.purchasesPerCustomer],
    );
    await client.query(
      `INSERT INTO "Purchase" ("id", "organizationId", "customerId", "amountMinor", "currency", "occurredAt", "externalRef", "pointsEarned", "createdAt")
       SELECT gen_random_uuid()::text, c."organizationId", c."id", 10000 + (k * 7919 + length(c."externalId") * 131) % 90000, 'DKK',
         $3::timestamptz - ((k * 730 / $2::int) + (abs(hashtext(c."id")) % 30)) * interval '1 day',
         c."externalId" || '-' || k, 10 + k, $3::timestamptz
       FROM "Customer" c, generate_series(1, $2::int) k
       WHERE c."organizationId" = $1 AND c."externalId" LIKE 'scale-%'`,
      [organizationId, shape.purchasesPerCustomer, now],
    );
    // One earning entry per purchase, chained per customer as the ledger's own are.
    await client.query(
      `INSERT INTO "PointsEntry" ("id", "organizationId", "customerId", "delta", "kind", "reason", "reasonParams",
         "balanceAfter", "occurredAt", "purchaseId", "createdAt")
       SELECT gen_random_uuid()::text, p."organizationId", p."customerId", p."pointsEarned", 'EARN_PURCHASE', 'EARN_PURCHASE',
         jsonb_build_object('points', p."pointsEarned", 'amountMinor', p."amountMinor", 'currency', p."currency",
           'purchasedAt', to_char(p."occurredAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'ratePoints', 1, 'ratePer', 10),
         sum(p."pointsEarned") OVER (PARTITION BY p."customerId" ORDER BY p."occurredAt", p."id"),
         p."occurredAt", p."id", p."occurredAt"
       FROM "Purchase" p
       WHERE p."organizationId" = $1 AND p."externalRef" LIKE 'scale-%'
       ORDER BY p."customerId", p."occurredAt", p."id"`,
      [organizationId],
    );
    await client.query(
      `INSERT INTO "Survey" ("id", "organizationId", "kind", "question", "options", "updatedAt")
       SELECT gen_random_uuid()::text, $1, 'NPS', 'How likely are you to recommend us to a friend?', '{}', now()
       WHERE NOT EXISTS (SELECT 1 FROM "Survey" WHERE "organizationId" = $1 AND "kind" = 'NPS')`,
      [organizationId],
    );
    // A third of the customers answered the NPS survey once in the last year.
    await client.query(
      `INSERT INTO "Feedback" ("id", "organizationId", "customerId", "surveyId", "score", "channel", "occurredAt", "createdAt")
       SELECT gen_random_uuid()::text, c."organizationId", c."id", s."id", abs(hashtext(c."id")) % 11, 'EMAIL',
         $2::timestamptz - (abs(hashtext(c."id")) % 365) * interval '1 day', $2::timestamptz
       FROM "Customer" c
       CROSS JOIN LATERAL (SELECT "id" FROM "Survey" WHERE "organizationId" = $1 AND "kind" = 'NPS' ORDER BY "createdAt" LIMIT 1) s
       WHERE c."organizationId" = $1 AND c."externalId" LIKE 'scale-%' AND abs(hashtext(c."id")) % 3 = 0`,
      [organizationId, now],
    );
    // One incident in twenty customers, a tenth of them still open.
    await client.query(
      `INSERT INTO "Incident" ("id", "organizationId", "customerId", "title", "category", "severity", "status",
         "openedAt", "resolvedAt", "slaDueAt", "createdAt", "updatedAt")
       SELECT gen_random_uuid()::text, c."organizationId", c."id", 'Late delivery', 'DELIVERY', 'MEDIUM',
         (CASE WHEN abs(hashtext(c."id")) % 200 < 20 THEN 'OPEN' ELSE 'RESOLVED' END)::"IncidentStatus",
         $2::timestamptz - (abs(hashtext(c."id")) % 300) * interval '1 day',
         CASE WHEN abs(hashtext(c."id")) % 200 < 20 THEN NULL ELSE $2::timestamptz - (abs(hashtext(c."id")) % 300 - 1) * interval '1 day' END,
         $2::timestamptz - (abs(hashtext(c."id")) % 300 - 2) * interval '1 day', $2::timestamptz, $2::timestamptz
       FROM "Customer" c
       WHERE c."organizationId" = $1 AND c."externalId" LIKE 'scale-%' AND abs(hashtext(c."id")) % 20 = 0`,
      [organizationId, now],
    );
    await client.query(
      `INSERT INTO "Alert" ("id", "organizationId", "kind", "severity", "customerId", "reason", "reasonParams", "status",
         "openKey", "causedAt", "createdAt", "updatedAt")
       SELECT gen_random_uuid()::text, c."organizationId", 'CHURN_RISK', 'WARNING', c."id", 'CHURN_RISK',
         jsonb_build_object('customerName', c."name", 'level', 'HIGH', 'score', 60), 'OPEN',
         'CHURN_RISK:' || c."id", $3::timestamptz, $3::timestamptz - (c."riskScore" % 30) * interval '1 day', $3::timestamptz
       FROM "Customer" c
       WHERE c."organizationId" = $1 AND c."externalId" LIKE 'scale-%'
       ORDER BY c."externalId"
       LIMIT $2`,
      [organizationId, shape.openAlerts, now],
    );
    await client.query(
      `INSERT INTO "Alert" ("id", "organizationId", "kind", "severity", "customerId", "reason", "reasonParams", "status",
         "resolvedAt", "causedAt", "createdAt", "updatedAt")
       SELECT gen_random_uuid()::text, c."organizationId", 'IGNORED', 'INFO', c."id", 'IGNORED',
         jsonb_build_object('customerName', c."name", 'days', 90, 'neverContacted', false), 'RESOLVED',
         $2::timestamptz - interval '100 days', $2::timestamptz - interval '200 days',
         $2::timestamptz - interval '200 days', $2::timestamptz - interval '100 days'
       FROM "Customer" c
       WHERE c."organizationId" = $1 AND c."externalId" LIKE 'scale-%'`,
      [organizationId, now],
    );
    await client.query('COMMIT');
    // As autovacuum would leave a table this size: statistics and the visibility map.
    await client.query('VACUUM ANALYZE');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
