import { afterAll, beforeAll, expect, test } from 'vitest';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { upsertCustomer } from '../../api/src/services/customer.service.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, type TestOrganization } from '../support/fixtures.ts';
import { partnerKey } from '../support/partner.ts';

let app: TestApp;
let org: TestOrganization;
let crm: string;

const ASK = `query ($channel: Channel!, $kind: InteractionKind!) {
  canContact(customer: { externalId: "C-1" }, channel: $channel, kind: $kind) { allowed reasons nextAllowedAt }
}`;
const RECORD = `mutation ($input: RecordInteractionInput!) { recordInteraction(input: $input) { __typename } }`;
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  app = await startTestApp({ now: new Date('2026-05-01T09:00:00Z') });
  org = await createTestOrganization(app, 'Kontakt');
  crm = await partnerKey(org, ['EVENTS_WRITE']);
  await upsertCustomer(systemCaller(org.id), {
    externalId: 'C-1',
    name: 'Sofie',
    consents: [{ channel: 'EMAIL', granted: true }],
  });
});
afterAll(() => app.stop());

const ask = async (channel: string, kind: string) => (await app.graphql(ASK, { channel, kind }, crm)).data!.canContact;

test('marketing needs consent on that channel', async () => {
  const sms = await ask('SMS', 'MARKETING');
  expect(sms.allowed).toBe(false);
  expect(sms.nextAllowedAt).toBeNull();
  expect(sms.reasons.join(' ')).toMatch(/consent/i);
  expect((await ask('EMAIL', 'MARKETING')).allowed).toBe(true);
});

test('a service reply is never capped and needs no consent', async () => {
  const advice = await ask('SMS', 'SERVICE');
  expect(advice.allowed).toBe(true);
  expect(advice.reasons).toEqual(['Service contacts need no consent and are never capped.']);
});

test('at most 4 capped contacts in any 30 days; the fifth is recorded anyway and the advice says when', async () => {
  for (let i = 0; i < 5; i++) {
    const occurredAt = new Date(app.clock.now().getTime() - (20 - i) * DAY).toISOString();
    const recorded = await app.graphql(
      RECORD,
      {
        input: {
          customer: { externalId: 'C-1' },
          channel: 'EMAIL',
          direction: 'OUTBOUND',
          kind: 'MARKETING',
          personal: false,
          occurredAt,
        },
      },
      crm,
    );
    expect(recorded.data!.recordInteraction.__typename).toBe('MutationRecordInteractionSuccess');
  }
  const advice = await ask('EMAIL', 'SURVEY_INVITE');
  expect(advice.allowed).toBe(false);
  // Five in the window: two must leave it (the oldest at 20 and 19 days ago) before a fifth is allowed.
  expect(advice.nextAllowedAt).toBe(new Date(app.clock.now().getTime() + 11 * DAY).toISOString());
  app.clock.advance(11 * DAY);
  expect((await ask('EMAIL', 'SURVEY_INVITE')).allowed).toBe(true);
});
