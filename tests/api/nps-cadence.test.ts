// The relational NPS cadence over a simulated year (PRODUCT.md "Asking", trigger 3): every customer
// is invited one cadence after their first purchase and then every N months, never more often, on
// weekday mornings in the organization's time zone, spread over the morning.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { systemCaller } from '../../api/src/auth/caller.ts';
import { upsertCustomer } from '../../api/src/services/customer.service.ts';
import { recordEvent } from '../../api/src/services/events.service.ts';
import { createSurvey } from '../../api/src/services/survey.service.ts';
import { updateOrganizationSettings } from '../../api/src/services/organization-settings.service.ts';
import { scheduleNpsInvitations } from '../../api/src/services/invitation.service.ts';
import { sendDueMessages } from '../../api/src/services/message.service.ts';
import { addMonthsUtc } from '../../api/src/domain/time/add-months.ts';
import { runtime } from '../../api/src/runtime.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, type TestOrganization } from '../support/fixtures.ts';

const START = new Date('2026-01-01T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const EVERY_MONTHS = 3;
const CUSTOMERS = 24;

let app: TestApp;
let org: TestOrganization;
const firstPurchases = new Map<string, Date>();

beforeAll(async () => {
  app = await startTestApp({ now: START });
  org = await createTestOrganization(app, 'Bageriet');
  const caller = systemCaller(org.id);
  const survey = await createSurvey(caller, { kind: 'NPS', question: 'Hvor sandsynligt er det, at du anbefaler os?' });
  await updateOrganizationSettings(caller, {
    surveyTriggers: { npsSurveyId: survey.id, npsEveryMonths: EVERY_MONTHS, surveyCooldownDays: 30 },
  });
  for (let index = 0; index < CUSTOMERS; index++) {
    const customer = await upsertCustomer(caller, {
      externalId: `B-${index}`,
      name: `Kunde ${index}`,
      email: `b${index}@example.dk`,
      consents: [{ channel: 'EMAIL', granted: true }],
    });
    // First purchases from 8 months ago (long overdue) to a week ago (due in the spring).
    const occurredAt = new Date(START.getTime() - (7 + index * 10) * DAY);
    firstPurchases.set(customer.id, occurredAt);
    await recordEvent(caller, {
      purchase: { customer: { id: customer.id }, amount: { amountMinor: 25_000, currency: 'DKK' }, occurredAt },
    });
  }
}, 180_000);

afterAll(() => app?.stop());

function copenhagen(at: Date) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Copenhagen',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((part) => part.type === type)!.value;
  return { weekday: get('weekday'), minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

test('over a year each customer is invited at most every N months, on weekday mornings, spread over the morning', async () => {
  for (let day = 0; day < 365; day++) {
    const now = runtime().clock.now();
    await scheduleNpsInvitations(now);
    await sendDueMessages(now);
    app.clock.advance(DAY);
  }
  const invitations = await runtime()
    .db.forOrganization(org.id)
    .surveyInvitation.findMany({ include: { message: true }, orderBy: { message: { scheduledFor: 'asc' } } });
  const byCustomer = new Map<string, typeof invitations>();
  for (const invitation of invitations)
    byCustomer.set(invitation.customerId, [...(byCustomer.get(invitation.customerId) ?? []), invitation]);
  expect(byCustomer.size).toBe(CUSTOMERS);
  for (const [customerId, own] of byCustomer) {
    const times = own.map((invitation) => invitation.message.scheduledFor);
    // The first comes one cadence after the first purchase, not at once.
    expect(times[0] >= addMonthsUtc(firstPurchases.get(customerId)!, EVERY_MONTHS)).toBe(true);
    for (let index = 1; index < times.length; index++)
      expect(times[index] >= addMonthsUtc(times[index - 1], EVERY_MONTHS)).toBe(true);
    // A year holds three or four cadences of three months.
    expect(own.length).toBeGreaterThanOrEqual(3);
    expect(own.length).toBeLessThanOrEqual(4);
    expect(own.filter((invitation) => invitation.message.status === 'SENT').length).toBeGreaterThanOrEqual(3);
  }
  const slots = invitations.map((invitation) => copenhagen(invitation.message.scheduledFor));
  for (const slot of slots) {
    expect(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']).toContain(slot.weekday);
    expect(slot.minutes).toBeGreaterThanOrEqual(8 * 60);
    expect(slot.minutes).toBeLessThan(11 * 60);
  }
  // Spread: the customers do not all arrive at 08:00.
  expect(new Set(slots.map((slot) => slot.minutes)).size).toBeGreaterThanOrEqual(CUSTOMERS / 2);
}, 300_000);
