// The customer page's actions. Each returns the outcome so the form can show errors at its fields.
import type { Client } from '@urql/core';
import { mutate, type Outcome } from '$lib/graphql/mutate';
import {
  ADJUST_POINTS,
  INVITE_TO_SURVEY,
  RECORD_INTERACTION,
  REDEEM_REWARD,
  REPORT_INCIDENT,
  SEND_MEMBER_LINK,
  UPSERT_CUSTOMER,
  THANK_CUSTOMERS,
} from '$lib/graphql/documents';
import type {
  Channel,
  CustomerKind,
  Direction,
  IncidentCategory,
  IncidentSeverity,
  InteractionKind,
  Locale,
  SuccessOf,
} from '$lib/graphql/types';
import type { ResultOf } from '$lib/graphql/tada';

const ref = (customerId: string) => ({ id: customerId });

/** An empty date field means "now": the API's default. */
const when = (value: string) => (value ? new Date(value).toISOString() : undefined);

export function handleLogContact(
  client: Client,
  customerId: string,
  input: {
    channel: Channel;
    direction: Direction;
    kind: InteractionKind;
    personal: boolean;
    note: string;
    occurredAt: string;
  },
): Promise<Outcome<{ id: string }>> {
  return mutate(
    client,
    RECORD_INTERACTION,
    {
      input: {
        customer: ref(customerId),
        channel: input.channel,
        direction: input.direction,
        kind: input.kind,
        personal: input.personal,
        note: input.note || undefined,
        occurredAt: when(input.occurredAt),
      },
    },
    'recordInteraction',
  );
}

export function handleReportIncident(
  client: Client,
  customerId: string,
  input: { title: string; description: string; category: IncidentCategory; severity: IncidentSeverity },
): Promise<Outcome<{ id: string }>> {
  return mutate(
    client,
    REPORT_INCIDENT,
    {
      input: {
        customer: ref(customerId),
        title: input.title,
        description: input.description || undefined,
        category: input.category,
        severity: input.severity,
        // No source: the API records who reported it.
      },
    },
    'reportIncident',
  );
}

/** Invites the customer to a survey now; the care rules decide at send time whether it goes out. */
export function handleAskForFeedback(
  client: Client,
  customerId: string,
  input: { surveyId: string; channel: 'EMAIL' | 'SMS' },
): Promise<Outcome<{ id: string; status: string }[]>> {
  return mutate(
    client,
    INVITE_TO_SURVEY,
    { input: { surveyId: input.surveyId, customers: [ref(customerId)], channel: input.channel } },
    'inviteToSurvey',
  );
}

/** Emails the customer a one-time link to their own page. */
export function handleSendMemberLink(
  client: Client,
  customerId: string,
): Promise<Outcome<{ id: string; status: string }>> {
  return mutate(client, SEND_MEMBER_LINK, { customer: ref(customerId) }, 'sendMemberLink');
}

export function handleRedeemReward(
  client: Client,
  customerId: string,
  rewardId: string,
): Promise<Outcome<{ id: string }>> {
  return mutate(client, REDEEM_REWARD, { input: { customer: ref(customerId), rewardId } }, 'redeemReward');
}

export function handleAdjustPoints(
  client: Client,
  customerId: string,
  input: { delta: number; reason: string },
): Promise<Outcome<{ id: string }>> {
  return mutate(
    client,
    ADJUST_POINTS,
    { input: { customer: ref(customerId), delta: input.delta, reason: input.reason } },
    'adjustPoints',
  );
}

/** Adds a customer (upsertCustomer: a known customer number updates that customer instead). */
export function handleAddCustomer(
  client: Client,
  input: { externalId: string; name: string; email: string; phone: string; locale: Locale | ''; kind: CustomerKind },
): Promise<Outcome<{ id: string }>> {
  return mutate(
    client,
    UPSERT_CUSTOMER,
    {
      input: {
        externalId: input.externalId,
        name: input.name,
        email: input.email || undefined,
        phone: input.phone || undefined,
        locale: input.locale || undefined,
        kind: input.kind,
      },
    },
    'upsertCustomer',
  );
}

/** Thank-yous in the organization's own words, with optional bonus points the ledger explains. */
export interface ThankYou {
  channel: 'EMAIL' | 'SMS';
  note: string;
  bonusPoints: number | null;
}

/** The thank-you messages a call scheduled. */
type Thanked = SuccessOf<ResultOf<typeof THANK_CUSTOMERS>['thankCustomers']>;

/** The API thanks at most this many customers per call. */
const THANKED_PER_CALL = 1000;

/** Thanks these customers, a thousand per call; a failed call stops there and says why. */
export async function handleThankCustomers(
  client: Client,
  customerIds: string[],
  thankYou: ThankYou,
): Promise<Outcome<Thanked>> {
  const sent: Thanked = [];
  for (let start = 0; start < customerIds.length; start += THANKED_PER_CALL) {
    const outcome = await mutate(
      client,
      THANK_CUSTOMERS,
      {
        input: {
          customers: customerIds.slice(start, start + THANKED_PER_CALL).map(ref),
          channel: thankYou.channel,
          note: thankYou.note.trim() || null,
          bonusPoints: thankYou.bonusPoints || null,
        },
      },
      'thankCustomers',
    );
    if (!outcome.ok) return outcome;
    sent.push(...outcome.data);
  }
  return { ok: true, data: sent };
}
