// Importing a shop's customers and history from CSV (PRODUCT.md "Data in and out"): the dry run
// names every bad row by its line and field, applying goes through the write path of
// recordEvents in the background, and the same file twice changes nothing.
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { upsertCustomer } from '../../api/src/services/customer.service.ts';
import { importsSettled } from '../../api/src/services/import.service.ts';
import { checkLedger } from '../../api/src/services/ledger-invariants.ts';
import { updateOrganizationSettings } from '../../api/src/services/organization-settings.service.ts';
import { db } from '../../api/src/runtime.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, type TestOrganization } from '../support/fixtures.ts';
import { partnerKey } from '../support/partner.ts';
import { gid } from '../support/operations.ts';
import { collect, socketClient } from '../support/subscriptions.ts';

let app: TestApp;
let org: TestOrganization;

const IMPORT_FIELDS = `id kind status fileName rows validRows invalidRows appliedRows alreadyImportedRows
  mapping { column field } errors(first: 100) { totalCount edges { node { line field message } } }`;

/** startImport as a GraphQL multipart upload (graphql-multipart-request-spec), as the dashboard sends it. */
async function startImport(
  kind: string,
  csv: string | Uint8Array,
  options: { token?: string; mapping?: { column: string; field: string | null }[]; fileName?: string } = {},
) {
  const form = new FormData();
  form.append(
    'operations',
    JSON.stringify({
      query: `mutation ($input: StartImportInput!) { startImport(input: $input) {
        __typename ... on MutationStartImportSuccess { data { ${IMPORT_FIELDS} } }
        ... on ValidationError { message fieldErrors { path message } } ... on Error { message } } }`,
      variables: { input: { kind, file: null, mapping: options.mapping } },
    }),
  );
  form.append('map', JSON.stringify({ 0: ['variables.input.file'] }));
  form.append('0', new File([csv as BlobPart], options.fileName ?? 'import.csv', { type: 'text/csv' }));
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { authorization: `Bearer ${options.token ?? org.tokens.ADMIN}` },
    body: form,
  });
  const body = (await response.json()) as { data?: { startImport: any }; errors?: unknown[] };
  if (!body.data) throw new Error(JSON.stringify(body));
  return body.data.startImport;
}

async function analysed(kind: string, csv: string | Uint8Array, options: Parameters<typeof startImport>[2] = {}) {
  const result = await startImport(kind, csv, options);
  expect(result.__typename).toBe('MutationStartImportSuccess');
  return result.data;
}

/** Applies an import and waits for the background work to finish. */
async function applied(id: string, token = org.tokens.ADMIN) {
  const result = await app.graphql(
    `mutation ($id: ID!) { applyImport(id: $id) { __typename ... on MutationApplyImportSuccess { data { status } } ... on Error { message } } }`,
    { id },
    token,
  );
  expect(result.data!.applyImport).toEqual({ __typename: 'MutationApplyImportSuccess', data: { status: 'APPLYING' } });
  await importsSettled();
  return (
    await app.graphql(
      `query ($id: ID!) { node(id: $id) { ... on Import { status appliedRows failedRowsCsv } } }`,
      { id },
      token,
    )
  ).data!.node;
}

async function customerCount(search?: string) {
  return (
    await app.graphql(
      `query ($search: String) { customers(first: 1, filter: { search: $search }) { totalCount } }`,
      { search },
      org.tokens.ADMIN,
    )
  ).data!.customers.totalCount as number;
}

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2026-03-01T12:00:00Z') });
  org = await createTestOrganization(app, 'Import');
});
afterAll(async () => {
  await importsSettled();
  await app.stop();
});

describe('1 000 customers with 10 bad rows', () => {
  // Lines as a spreadsheet numbers them: the header is line 1, customer i is on line i + 1.
  const BAD: Record<number, { cells: string; field: string }> = {
    11: { cells: 'C-10;Bad Email;not-an-address;da', field: 'email' },
    101: { cells: 'C-100;Also Bad;@example.com;da', field: 'email' },
    201: { cells: ';No Number;nn@example.com;da', field: 'externalId' },
    301: { cells: ';Nor This;nt@example.com;sv', field: 'externalId' },
    401: { cells: 'C-400;Klingon;k@example.com;tlh', field: 'locale' },
    501: { cells: 'C-500;Elvish;e@example.com;quenya', field: 'locale' },
    601: { cells: 'C-600;Nul\u0000Byte;n@example.com;nb', field: 'name' },
    701: { cells: 'C-700;Nul;nul\u0000@example.com;en', field: 'email' },
    801: { cells: 'C-1;Twice;t@example.com;da', field: 'externalId' },
    901: { cells: 'C-2;Twice Again;ta@example.com;da', field: 'externalId' },
  };
  const csv = [
    'Kundenummer;Navn;E-mail;Sprog',
    ...Array.from({ length: 1000 }, (_, index) => {
      const number = index + 1;
      return BAD[number + 1]?.cells ?? `C-${number};Kunde ${number};kunde${number}@example.com;da`;
    }),
  ].join('\r\n');
  let first: any;

  beforeAll(async () => {
    first = await analysed('CUSTOMERS', csv, { fileName: 'kunder.csv' });
  });

  test('the headers are matched to the fields by their Danish names', () => {
    expect(first.mapping).toEqual([
      { column: 'Kundenummer', field: 'externalId' },
      { column: 'Navn', field: 'name' },
      { column: 'E-mail', field: 'email' },
      { column: 'Sprog', field: 'locale' },
    ]);
  });

  test('the dry run names exactly the 10 bad lines, each with its field, and imports nothing', async () => {
    expect(first).toMatchObject({ kind: 'CUSTOMERS', status: 'ANALYZED', rows: 1000, validRows: 990, invalidRows: 10 });
    expect(first.errors.totalCount).toBe(10);
    expect(first.errors.edges.map(({ node }: any) => [node.line, node.field])).toEqual(
      Object.entries(BAD).map(([line, { field }]) => [Number(line), field]),
    );
    expect(first.errors.edges[8].node.message).toBe('Line 2 has the same externalId.');
    expect(await customerCount()).toBe(0);
  });

  test('applying gives 990 customers; the error file holds the 10 bad rows with an "error" column', async () => {
    const done = await applied(first.id);
    expect(done.status).toBe('APPLIED');
    expect(done.appliedRows).toBe(990);
    expect(await customerCount()).toBe(990);
    const lines = done.failedRowsCsv.trimEnd().split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe('Kundenummer,Navn,E-mail,Sprog,error');
    expect(lines[1]).toBe('C-10,Bad Email,not-an-address,da,"email: ""not-an-address"" is not an email address."');
  });

  test('the same file again is reported as already imported, and applying it changes nothing', async () => {
    const again = await analysed('CUSTOMERS', csv, { fileName: 'kunder (1).csv' });
    expect(again).toMatchObject({ validRows: 990, alreadyImportedRows: 990 });
    const done = await applied(again.id);
    expect(done).toMatchObject({ status: 'APPLIED', appliedRows: 0 });
    expect(await customerCount()).toBe(990);
  });
});

describe('following an import with importChanged', () => {
  const FOLLOW = 'subscription ($id: ID!) { importChanged(id: $id) { status appliedRows } }';
  const file = (prefix: string) =>
    ['externalId,name', ...Array.from({ length: 3 }, (_, i) => `${prefix}-${i},Follower ${i}`)].join('\n');

  async function follow(id: string) {
    const socket = socketClient(app.url, `Bearer ${org.tokens.ADMIN}`);
    const events = collect<{ importChanged: { status: string; appliedRows: number } }>(socket.client, FOLLOW, { id });
    onTestFinished(async () => {
      events.dispose();
      await socket.client.dispose();
    });
    return events;
  }

  test('a subscription that starts after the import was applied begins with it applied', async () => {
    const { id } = await analysed('CUSTOMERS', file('LATE'));
    await applied(id);
    const events = await follow(id);
    expect((await events.next()).data).toEqual({ importChanged: { status: 'APPLIED', appliedRows: 3 } });
  });

  test('one that starts before begins with the analysed import, then follows it up to APPLIED', async () => {
    const { id } = await analysed('CUSTOMERS', file('EARLY'));
    const events = await follow(id);
    expect((await events.next()).data).toEqual({ importChanged: { status: 'ANALYZED', appliedRows: 0 } });
    await applied(id);
    const seen = [];
    do seen.push((await events.next()).data!.importChanged);
    while (seen.at(-1)!.status !== 'APPLIED');
    expect(seen[0]).toEqual({ status: 'APPLYING', appliedRows: 0 });
    expect(seen.at(-1)).toEqual({ status: 'APPLIED', appliedRows: 3 });
  });

  test('an import that does not exist is a clear error', async () => {
    const events = await follow(gid('Import', 'no-such-import'));
    expect((await events.next()).errors).toEqual([expect.objectContaining({ message: 'Import was not found.' })]);
  });
});

describe('purchases from a Danish spreadsheet', () => {
  test('semicolons, a BOM, 1.234,50 and 03-01-2026 import as 1 234,50 kr. on 3 January 2026', async () => {
    await upsertCustomer(systemCaller(org.id), { externalId: 'DK-1', name: 'Mette Holm', locale: 'DA' });
    const csv =
      '\uFEFFKundenummer;Beløb;Dato;Ordrenummer\r\nDK-1;1.234,50;03-01-2026;O-1\r\nDK-1;99,95;04-01-2026;O-2\r\n';
    const analysis = await analysed('PURCHASES', new TextEncoder().encode(csv));
    expect(analysis).toMatchObject({ rows: 2, validRows: 2, invalidRows: 0 });
    expect((await applied(analysis.id)).appliedRows).toBe(2);
    const customer = (
      await app.graphql(
        `{ customer(ref: { externalId: "DK-1" }) { pointsBalance purchases(first: 5) { edges { node { amount { amountMinor currency } occurredAt externalRef } } } } }`,
        {},
        org.tokens.ADMIN,
      )
    ).data!.customer;
    expect(customer.purchases.edges.map(({ node }: any) => node)).toEqual(
      expect.arrayContaining([
        {
          amount: { amountMinor: 123450, currency: 'DKK' },
          occurredAt: '2026-01-03T12:00:00.000Z',
          externalRef: 'O-1',
        },
        { amount: { amountMinor: 9995, currency: 'DKK' }, occurredAt: '2026-01-04T12:00:00.000Z', externalRef: 'O-2' },
      ]),
    );
    // 1 point per 10 kr.: 123 + 9.
    expect(customer.pointsBalance).toBe(132);
  });

  test('2 500 purchases of 2 customers apply in parts of 1 000; each ledger runs in the file’s order and sums', async () => {
    const customers = ['MANY-0', 'MANY-1'];
    for (const externalId of customers) await upsertCustomer(systemCaller(org.id), { externalId, name: externalId });
    // Line i buys (i + 1) × 10 kr. an hour after line i - 1: each customer has more rows than a batch.
    const lines = Array.from({ length: 2500 }, (_, i) => {
      const day = new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString();
      return `${customers[i % 2]},${(i + 1) * 10}.00,${day},MANY-O-${i}`;
    });
    const analysis = await analysed('PURCHASES', ['Customer,Amount,Date,Reference', ...lines].join('\n'));
    expect(analysis).toMatchObject({ validRows: 2500, invalidRows: 0 });
    expect((await applied(analysis.id)).appliedRows).toBe(2500);
    expect(await checkLedger(org.id, app.clock.now())).toEqual([]);
    const entries = await db()
      .forOrganization(org.id)
      .pointsEntry.findMany({
        where: { customer: { externalId: 'MANY-1' } },
        orderBy: { sequence: 'asc' },
        select: { delta: true, occurredAt: true },
      });
    // MANY-1 holds lines 1, 3, 5, …: one entry each, in the file's order, 1 point per 10 kr.
    expect(entries).toHaveLength(1250);
    expect(entries.map((entry) => entry.occurredAt.getTime())).toEqual(
      entries.map((entry) => entry.occurredAt.getTime()).sort((a, b) => a - b),
    );
    expect(entries.slice(0, 2).map((entry) => entry.delta)).toEqual([2, 4]);
  });

  test('a history of 10 000 purchases raises each alert once, on the state after the import', async () => {
    const shop = await createTestOrganization(app, 'Historik');
    // Ignored and buying less: a risk of 30 + 25, HIGH, which raises CHURN_RISK.
    await updateOrganizationSettings(systemCaller(shop.id), { risk: { engagementDrop: 25 } });
    for (let i = 1; i <= 48; i++)
      await upsertCustomer(systemCaller(shop.id), { externalId: `H-${i}`, name: `Kunde ${i}` });
    // Two years of purchases, oldest first, ~208 for each customer (batches of 1 000 end inside a
    // customer's rows); H-1 … H-8 stopped buying 100 days ago. Each part of a customer's history,
    // judged alone, is a customer who lapsed long ago.
    const DAY_MS = 86_400_000;
    const rows = Array.from({ length: 10_000 }, (_, i) => {
      const customer = (i % 48) + 1;
      const daysAgo = (customer <= 8 ? 100 : 1) + Math.floor((10_000 - i) / 20);
      const day = new Date(app.clock.now().getTime() - daysAgo * DAY_MS).toISOString();
      return `H-${customer},${100 + (i % 400)}.00,${day}`;
    });
    const history = await analysed('PURCHASES', ['Customer,Amount,Date', ...rows].join('\n'), {
      token: shop.tokens.ADMIN,
    });
    await applied(history.id, shop.tokens.ADMIN);

    const tenant = db().forOrganization(shop.id);
    const alerts = await tenant.alert.findMany({
      select: { customer: { select: { externalId: true } }, kind: true, status: true },
    });
    const raised = await tenant.event.count({ where: { type: 'alert.raised' } });
    const updated = await tenant.event.count({ where: { type: 'alert.updated' } });
    expect(await tenant.import.findMany({ select: { status: true, appliedRows: true } })).toEqual([
      { status: 'APPLIED', appliedRows: 10_000 },
    ]);
    // Nobody has been spoken to: each customer is IGNORED, once.
    expect(alerts.filter((alert) => alert.kind === 'IGNORED')).toHaveLength(48);
    const lapsed = ['H-1', 'H-2', 'H-3', 'H-4', 'H-5', 'H-6', 'H-7', 'H-8'];
    // The customers who still buy raise nothing about lapsing; those who stopped do.
    expect(
      [
        ...new Set(alerts.filter((alert) => alert.kind === 'CHURN_RISK').map((alert) => alert.customer.externalId)),
      ].sort(),
    ).toEqual(lapsed.sort());
    expect(alerts.every((alert) => alert.status === 'OPEN')).toBe(true);
    // Each raised once and never changed: nothing was raised for a part of the history and then resolved.
    expect({ raised, updated }).toEqual({ raised: alerts.length, updated: 0 });
  });

  test('a row naming a customer that does not exist is a problem of its customer field', async () => {
    const analysis = await analysed('PURCHASES', 'Customer,Amount\nNOBODY,10.00\n');
    expect(analysis.errors.edges).toEqual([
      { node: { line: 2, field: 'customer', message: 'No customer has the number "NOBODY".' } },
    ]);
  });
});

describe('opening balances from a previous loyalty program', () => {
  const LOCALES = { DA: 'OB-DA', SV: 'OB-SV', NB: 'OB-NB', EN: 'OB-EN' } as const;

  beforeAll(async () => {
    for (const [locale, externalId] of Object.entries(LOCALES))
      await upsertCustomer(systemCaller(org.id), { externalId, name: externalId, locale: locale as never });
    const rows = Object.values(LOCALES).map((externalId) => `${externalId};1.250;01-03-2026`);
    const analysis = await analysed('OPENING_BALANCES', ['Kunde;Saldo;Dato', ...rows].join('\n'));
    expect((await applied(analysis.id)).appliedRows).toBe(4);
  });

  test.each([
    ['DA', '1.250 point overført fra dit tidligere loyalitetsprogram den 1. mar. 2026.'],
    ['SV', '1 250 poäng överförda från ditt tidigare lojalitetsprogram den 1 mars 2026.'],
    ['NB', '1 250 poeng overført fra ditt tidligere lojalitetsprogram den 1. mars 2026.'],
    ['EN', '1,250 points carried over from your previous loyalty program on 1 Mar 2026.'],
  ] as const)(
    'the ledger explains itself in %s, and the balance is what was carried over',
    async (locale, sentence) => {
      const customer = (
        await app.graphql(
          `query ($externalId: String!) { customer(ref: { externalId: $externalId }) { pointsBalance pointsLedger(first: 5) { edges { node { delta explanation } } } } }`,
          { externalId: LOCALES[locale] },
          org.tokens.ADMIN,
        )
      ).data!.customer;
      expect(customer.pointsLedger.edges).toEqual([{ node: { delta: 1250, explanation: sentence } }]);
      expect(customer.pointsBalance).toBe(1250);
    },
  );
});

describe('the mapping', () => {
  test('a mapping that leaves a required field unfilled is refused with its path', async () => {
    const result = await startImport('OPENING_BALANCES', 'Nummer;Antal\nOB-DA;10\n');
    expect(result.__typename).toBe('ValidationError');
    expect(result.fieldErrors).toEqual([
      { path: ['input', 'mapping'], message: 'No column fills customer, which every row needs.' },
      { path: ['input', 'mapping'], message: 'No column fills points, which every row needs.' },
    ]);
  });

  test('the user corrects it: each column to the field it fills', async () => {
    const analysis = await analysed('OPENING_BALANCES', 'Nummer;Antal\nOB-DA;10\n', {
      mapping: [
        { column: 'Nummer', field: 'customer' },
        { column: 'Antal', field: 'points' },
      ],
    });
    expect(analysis).toMatchObject({ validRows: 1, invalidRows: 0 });
  });

  test('a field that is not of the kind is refused at its place in the mapping', async () => {
    const result = await startImport('OPENING_BALANCES', 'Nummer;Antal\nOB-DA;10\n', {
      mapping: [
        { column: 'Nummer', field: 'customer' },
        { column: 'Antal', field: 'amount' },
      ],
    });
    expect(result.fieldErrors[0]).toEqual({
      path: ['input', 'mapping', '1', 'field'],
      message: 'amount is not a field of this import; use one of customer, points, occurredAt.',
    });
  });
});

describe('who may import', () => {
  test('a MANAGER may not start an import', async () => {
    const result = await startImport('CUSTOMERS', 'id,name\nX-1,X\n', { token: org.tokens.MANAGER });
    expect(result.__typename).toBe('ForbiddenError');
  });

  test('a partner key with imports:write may', async () => {
    const key = await partnerKey(org, ['IMPORTS_WRITE']);
    expect((await startImport('CUSTOMERS', 'id,name\nX-1,X\n', { token: key })).__typename).toBe(
      'MutationStartImportSuccess',
    );
  });
});
