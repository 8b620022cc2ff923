import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { db, runtime } from '../../api/src/runtime.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, type TestOrganization } from '../support/fixtures.ts';
import { createCustomers, partnerKey } from '../support/partner.ts';
import { onPostgres } from '../support/database.ts';

let app: TestApp;
let org: TestOrganization;
let shop: string;

const RECORD_PURCHASE = `mutation ($input: RecordPurchaseInput!, $key: String) {
  recordPurchase(input: $input, idempotencyKey: $key) {
    __typename
    ... on MutationRecordPurchaseSuccess { data { id amount { amountMinor currency } occurredAt externalRef customer { externalId } } }
    ... on ValidationError { message fieldErrors { path message } }
    ... on NotFoundError { message }
  }
}`;
const RECORD_INTERACTION = `mutation ($input: RecordInteractionInput!) {
  recordInteraction(input: $input) { __typename ... on Error { message } }
}`;
const RECORD_EVENTS = `mutation ($events: [EventInput!]!, $key: String) {
  recordEvents(input: { events: $events }, idempotencyKey: $key) {
    __typename
    ... on MutationRecordEventsSuccess { data { applied failed results { index ok id errors { __typename message ... on ValidationError { fieldErrors { path } } } } } }
    ... on ValidationError { message fieldErrors { path message } }
  }
}`;

const purchase = (externalId: string, amountMinor: number, extra: Record<string, unknown> = {}) => ({
  customer: { externalId },
  amount: { amountMinor, currency: 'DKK' },
  ...extra,
});

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2026-03-01T12:00:00Z') });
  org = await createTestOrganization(app, 'Cykelbutik');
  shop = await partnerKey(org, ['EVENTS_WRITE']);
  await createCustomers(org, 20);
  await createCustomers(org, 3, 'SOLO');
});
afterAll(() => app.stop());

describe('recordPurchase', () => {
  test('stores a purchase with its amount in minor units, currency and externalRef', async () => {
    const result = await app.graphql(
      RECORD_PURCHASE,
      { input: purchase('K-1', 120000, { externalRef: 'ORD-1', occurredAt: '2026-01-03T10:00:00Z' }) },
      shop,
    );
    expect(result.data!.recordPurchase).toMatchObject({
      __typename: 'MutationRecordPurchaseSuccess',
      data: {
        amount: { amountMinor: 120000, currency: 'DKK' },
        occurredAt: '2026-01-03T10:00:00.000Z',
        externalRef: 'ORD-1',
        customer: { externalId: 'K-1' },
      },
    });
  });

  test('a repeated externalRef is rejected with a clear error and never counted twice', async () => {
    await app.graphql(RECORD_PURCHASE, { input: purchase('K-2', 5000, { externalRef: 'ORD-2' }) }, shop);
    const again = await app.graphql(RECORD_PURCHASE, { input: purchase('K-2', 5000, { externalRef: 'ORD-2' }) }, shop);
    expect(again.data!.recordPurchase).toEqual({
      __typename: 'ValidationError',
      message: 'A purchase with this external reference is already recorded; it is never counted twice.',
      fieldErrors: [
        {
          path: ['input', 'externalRef'],
          message: 'A purchase with this external reference is already recorded; it is never counted twice.',
        },
      ],
    });
    expect(
      await db()
        .forOrganization(org.id)
        .purchase.count({ where: { externalRef: 'ORD-2' } }),
    ).toBe(1);
  });

  test('bad input names each field and stores nothing', async () => {
    const before = await db().forOrganization(org.id).purchase.count();
    const negative = await app.graphql(
      RECORD_PURCHASE,
      {
        input: {
          customer: { externalId: 'K-3' },
          amount: { amountMinor: -100, currency: 'XYZ' },
          occurredAt: '2027-01-01T00:00:00Z',
        },
      },
      shop,
    );
    expect(negative.data!.recordPurchase.fieldErrors).toEqual([
      {
        path: ['input', 'amount', 'amountMinor'],
        message: 'A purchase amount is a whole number of minor units above 0.',
      },
      { path: ['input', 'amount', 'currency'], message: 'XYZ is not accepted; use one of DKK, SEK, NOK, EUR.' },
      { path: ['input', 'occurredAt'], message: 'Must not be in the future.' },
    ]);
    expect(await db().forOrganization(org.id).purchase.count()).toBe(before);
  });

  test('an unknown customer is a NotFoundError', async () => {
    const result = await app.graphql(RECORD_PURCHASE, { input: purchase('nobody', 100) }, shop);
    expect(result.data!.recordPurchase).toEqual({ __typename: 'NotFoundError', message: 'Customer was not found.' });
  });

  test('a purchase whose recompute fails is still recorded with its points, and its customer is left for the job', async () => {
    const [customer] = await createCustomers(org, 1, 'BROKEN');
    const customers = db().forOrganization(org.id).customer;
    // A database that refuses to store this customer's recomputed risk, as a bad row or a bug would.
    await db().acrossOrganizations.$executeRawUnsafe(
      `CREATE FUNCTION refuse_recompute() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$`,
    );
    await db().acrossOrganizations.$executeRawUnsafe(
      `CREATE TRIGGER refuse_recompute BEFORE UPDATE OF "riskComputedAt" ON "Customer"
       FOR EACH ROW WHEN (NEW.id = '${customer.id}') EXECUTE FUNCTION refuse_recompute()`,
    );
    const errors = vi.spyOn(runtime().log, 'error').mockImplementation(() => {});
    const lastSeq = async () =>
      (
        await db()
          .forOrganization(org.id)
          .eventSequence.findUnique({ where: { organizationId: org.id } })
      )?.last ?? 0n;
    try {
      const seqBefore = await lastSeq();
      const result = await app.graphql(RECORD_PURCHASE, { input: purchase('BROKEN-1', 50000) }, shop);
      expect(result.data!.recordPurchase.__typename).toBe('MutationRecordPurchaseSuccess');
      expect(errors).toHaveBeenCalledWith('recompute within a write failed; the background job will retry', {
        organizationId: org.id,
        error: expect.any(Error),
      });
      const stored = await customers.findUniqueOrThrow({ where: { id: customer.id } });
      expect(stored.pointsBalance).toBeGreaterThan(0);
      expect(stored.firstPurchaseAt).not.toBeNull();
      expect(stored.recomputeAt).toEqual(app.clock.now());
      // The write's own event is stored, in order; what the undone recompute emitted is not.
      const events = await db()
        .forOrganization(org.id)
        .event.findMany({ where: { seq: { gt: seqBefore } }, orderBy: { seq: 'asc' } });
      expect(events.map((event) => [Number(event.seq - seqBefore), event.type])).toEqual([[1, 'points.changed']]);
    } finally {
      errors.mockRestore();
      await db().acrossOrganizations.$executeRawUnsafe(`DROP TRIGGER refuse_recompute ON "Customer"`);
      await db().acrossOrganizations.$executeRawUnsafe(`DROP FUNCTION refuse_recompute()`);
    }
    await app.runJobs();
    const recomputed = await customers.findUniqueOrThrow({ where: { id: customer.id } });
    expect(recomputed.recomputeAt).not.toEqual(app.clock.now());
  });
});

describe('recordInteraction and the last personal contact', () => {
  const contact = (occurredAt: string, personal: boolean) => ({
    customer: { externalId: 'K-5' },
    channel: 'PHONE',
    direction: 'OUTBOUND',
    kind: 'CHECK_IN',
    personal,
    occurredAt,
  });
  const lastContact = async () =>
    (await app.graphql('{ customer(ref: { externalId: "K-5" }) { lastPersonalContactAt } }', {}, org.tokens.VIEWER))
      .data!.customer.lastPersonalContactAt;

  test('is the latest personal contact in either direction, even when events arrive out of order', async () => {
    await app.graphql(RECORD_INTERACTION, { input: contact('2026-02-10T09:00:00Z', true) }, shop);
    expect(await lastContact()).toBe('2026-02-10T09:00:00.000Z');
    await app.graphql(RECORD_INTERACTION, { input: contact('2026-01-05T09:00:00Z', true) }, shop);
    expect(await lastContact()).toBe('2026-02-10T09:00:00.000Z');
    await app.graphql(
      RECORD_INTERACTION,
      { input: { ...contact('2026-02-20T09:00:00Z', true), direction: 'INBOUND' } },
      shop,
    );
    expect(await lastContact()).toBe('2026-02-20T09:00:00.000Z');
  });

  test('an automated (not personal) send is stored but is no personal contact', async () => {
    await app.graphql(
      RECORD_INTERACTION,
      { input: { ...contact('2026-02-28T09:00:00Z', false), kind: 'MARKETING', channel: 'EMAIL' } },
      shop,
    );
    expect(await lastContact()).toBe('2026-02-20T09:00:00.000Z');
    const customer = await app.graphql(
      '{ customer(ref: { externalId: "K-5" }) { interactions { totalCount } } }',
      {},
      org.tokens.VIEWER,
    );
    expect(customer.data!.customer.interactions.totalCount).toBe(4);
  });
});

describe('recordEvents', () => {
  test('1 000 events with 100 invalid ones at random positions store exactly the 900', async () => {
    const invalid = new Set<number>();
    while (invalid.size < 100) invalid.add(Math.floor(Math.random() * 1000));
    const events = Array.from({ length: 1000 }, (_, index) => {
      const customer = `K-${(index % 20) + 1}`;
      if (invalid.has(index)) {
        return index % 2 === 0
          ? { purchase: purchase(customer, -1, { externalRef: `BULK-${index}` }) }
          : {
              interaction: {
                customer: { externalId: 'nobody' },
                channel: 'STORE',
                direction: 'INBOUND',
                kind: 'OTHER',
                personal: true,
              },
            };
      }
      return index % 3 === 0
        ? {
            interaction: {
              customer: { externalId: customer },
              channel: 'STORE',
              direction: 'INBOUND',
              kind: 'SERVICE',
              personal: true,
              occurredAt: '2026-02-01T10:00:00Z',
            },
          }
        : {
            purchase: purchase(customer, 10000 + index, {
              externalRef: `BULK-${index}`,
              occurredAt: '2026-02-01T10:00:00Z',
            }),
          };
    });
    const purchasesBefore = await db().forOrganization(org.id).purchase.count();
    const interactionsBefore = await db().forOrganization(org.id).interaction.count();
    const result = await app.graphql(RECORD_EVENTS, { events }, shop);
    const payload = result.data!.recordEvents.data;
    expect(payload.applied).toBe(900);
    expect(payload.failed).toBe(100);
    const failedIndexes = payload.results.filter((r: { ok: boolean }) => !r.ok).map((r: { index: number }) => r.index);
    expect(new Set(failedIndexes)).toEqual(invalid);
    for (const index of invalid) {
      const errors = payload.results[index].errors;
      expect(errors[0].__typename).toBe(index % 2 === 0 ? 'ValidationError' : 'NotFoundError');
      if (index % 2 === 0)
        expect(errors[0].fieldErrors[0].path).toEqual([
          'input',
          'events',
          String(index),
          'purchase',
          'amount',
          'amountMinor',
        ]);
    }
    const validPurchases = events.filter((event, index) => !invalid.has(index) && 'purchase' in event).length;
    expect(await db().forOrganization(org.id).purchase.count()).toBe(purchasesBefore + validPurchases);
    expect(await db().forOrganization(org.id).interaction.count()).toBe(interactionsBefore + 900 - validPurchases);
    const firstValid = payload.results.find((result: { ok: boolean }) => result.ok);
    expect(Buffer.from(firstValid.id, 'base64').toString()).toMatch(/^(Purchase|Interaction):/);
  });

  test('1 001 events are a ValidationError and nothing is applied', async () => {
    const events = Array.from({ length: 1001 }, (_, index) => ({
      purchase: purchase('K-1', 100, { externalRef: `OVER-${index}` }),
    }));
    const result = await app.graphql(RECORD_EVENTS, { events }, shop);
    expect(result.data!.recordEvents).toEqual({
      __typename: 'ValidationError',
      message: 'At most 1000 events in one call; this one has 1001.',
      fieldErrors: [{ path: ['input', 'events'], message: 'At most 1000 events in one call; this one has 1001.' }],
    });
    expect(
      await db()
        .forOrganization(org.id)
        .purchase.count({ where: { externalRef: { startsWith: 'OVER-' } } }),
    ).toBe(0);
  });

  test('is set-based: 1 000 purchases take about as many SQL statements as 10', async () => {
    const statementsFor = async (count: number, prefix: string) => {
      const before = db().statements();
      await app.graphql(
        RECORD_EVENTS,
        {
          events: Array.from({ length: count }, (_, i) => ({
            purchase: purchase(`K-${(i % 20) + 1}`, 1000, { externalRef: `${prefix}-${i}` }),
          })),
        },
        shop,
      );
      return db().statements() - before;
    };
    expect(await statementsFor(1000, 'SET-1000')).toBe(await statementsFor(10, 'SET-10'));
  });

  test('the same externalRef twice in one batch: the first counts, the second is rejected', async () => {
    const result = await app.graphql(
      RECORD_EVENTS,
      {
        events: [
          { purchase: purchase('K-1', 100, { externalRef: 'TWICE' }) },
          { purchase: purchase('K-1', 100, { externalRef: 'TWICE' }) },
        ],
      },
      shop,
    );
    expect(result.data!.recordEvents.data.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, false]);
  });
});

describe('a partner key with only EVENTS_WRITE', () => {
  test('records events and cannot read customers', async () => {
    const recorded = await app.graphql(RECORD_PURCHASE, { input: purchase('K-9', 2500) }, shop);
    expect(recorded.data!.recordPurchase.__typename).toBe('MutationRecordPurchaseSuccess');
    const read = await app.graphql('{ customers(first: 5) { totalCount } }', {}, shop);
    expect(read.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(read.data?.customers ?? null).toBeNull();
  });
});

describe('idempotency', () => {
  test('a replay returns the first answer byte for byte and changes nothing', async () => {
    const send = () =>
      fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${shop}` },
        body: JSON.stringify({ query: RECORD_PURCHASE, variables: { input: purchase('K-10', 7700), key: 'retry-1' } }),
      }).then((response) => response.text());
    const first = await send();
    const count = await db().forOrganization(org.id).purchase.count();
    app.clock.advance(60_000);
    expect(await send()).toBe(first);
    expect(await db().forOrganization(org.id).purchase.count()).toBe(count);
  });

  test('the same key with different input is a ValidationError and changes nothing', async () => {
    await app.graphql(RECORD_PURCHASE, { input: purchase('K-11', 1000), key: 'retry-2' }, shop);
    const count = await db().forOrganization(org.id).purchase.count();
    const other = await app.graphql(RECORD_PURCHASE, { input: purchase('K-11', 9999), key: 'retry-2' }, shop);
    expect(other.data!.recordPurchase).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [
        {
          path: ['idempotencyKey'],
          message: 'This idempotency key was already used with different input; use a new key for a new request.',
        },
      ],
    });
    expect(await db().forOrganization(org.id).purchase.count()).toBe(count);
  });

  test('a key belongs to its caller: another key’s identical key runs anew', async () => {
    const other = await partnerKey(org, ['EVENTS_WRITE']);
    const mine = await app.graphql(RECORD_PURCHASE, { input: purchase('K-12', 100), key: 'shared-key' }, shop);
    const theirs = await app.graphql(RECORD_PURCHASE, { input: purchase('K-12', 100), key: 'shared-key' }, other);
    expect(theirs.data!.recordPurchase.data.id).not.toBe(mine.data!.recordPurchase.data.id);
  });

  test('bulk calls are idempotent too', async () => {
    const events = [{ purchase: purchase('K-13', 100, { externalRef: 'IDEM-BULK' }) }];
    const first = await app.graphql(RECORD_EVENTS, { events, key: 'bulk-1' }, shop);
    const again = await app.graphql(RECORD_EVENTS, { events, key: 'bulk-1' }, shop);
    expect(again).toEqual(first);
    expect(again.data!.recordEvents.data.applied).toBe(1);
  });

  test.skipIf(!onPostgres)('20 concurrent identical recordPurchase calls with one key store one purchase', async () => {
    const calls = Array.from({ length: 20 }, () =>
      app.graphql(RECORD_PURCHASE, { input: purchase('SOLO-1', 4200), key: 'storm' }, shop),
    );
    const answers = await Promise.all(calls);
    const ids = new Set(answers.map((answer) => answer.data!.recordPurchase.data.id));
    expect(ids.size).toBe(1);
    const customer = await db()
      .forOrganization(org.id)
      .customer.findFirstOrThrow({ where: { externalId: 'SOLO-1' } });
    expect(
      await db()
        .forOrganization(org.id)
        .purchase.count({ where: { customerId: customer.id } }),
    ).toBe(1);
  });

  test.skipIf(!onPostgres)('20 concurrent purchases with one externalRef and no key store one', async () => {
    const calls = Array.from({ length: 20 }, () =>
      app.graphql(RECORD_PURCHASE, { input: purchase('SOLO-2', 4200, { externalRef: 'RACE-1' }) }, shop),
    );
    const answers = await Promise.all(calls);
    expect(
      answers.filter((answer) => answer.data!.recordPurchase.__typename === 'MutationRecordPurchaseSuccess'),
    ).toHaveLength(1);
    expect(
      await db()
        .forOrganization(org.id)
        .purchase.count({ where: { externalRef: 'RACE-1' } }),
    ).toBe(1);
  });
});
