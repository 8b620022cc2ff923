// The front door for partners: purchases, contacts, feedback and incidents, one at a time or up
// to 1 000 in one call. Each event is applied all-or-nothing and answers for itself; invalid
// events never stop valid ones. Work is set-based (one statement per kind of event), never one
// round trip per event, and a single mutation is simply a batch of one.
import { randomUUID } from 'node:crypto';
import type { AuthenticatedCaller } from '../auth/caller.ts';
import { NotFoundError, ValidationError, type FieldError } from '../domain/errors.ts';
import type { OrganizationSettings } from '../domain/settings.ts';
import type { Channel, Direction, InteractionKind } from '../domain/types.ts';
import { runtime, tenantDb, type TenantDbLike } from '../runtime.ts';
import type { TenantTx } from '../db/client.ts';
import { bulkInsert } from '../db/bulk-insert.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { resolveCustomerRefs, type CustomerRef } from './customer.service.ts';
import { organizationSettings } from './organization-settings.service.ts';
import { applyEventEffects, type Earning } from './event-effects.service.ts';
import { recomputeWithinWrite } from './recompute.service.ts';
import { lockCustomers } from './ledger.service.ts';
import { writeTransaction } from './transaction.service.ts';
import { earnPointsForPurchase, isAcceptedCurrency } from '../domain/points/earn-points.ts';
import {
  ANSWERED_ONCE,
  checkAnswer,
  insertFeedback,
  participationEarning,
  surveysAnswered,
  type AnsweredSurvey,
  type NewAnswer,
  type SubmitFeedbackInput,
} from './feedback-events.service.ts';
import {
  checkIncident,
  insertIncidents,
  type NewIncident,
  type ReportIncidentInput,
} from './incident-events.service.ts';

export const MAX_EVENTS = 1000;
/** How far in the future an event's time may be: clocks of partners' systems drift a little. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface RecordPurchaseInput {
  customer: CustomerRef;
  amount: { amountMinor: number; currency: string };
  occurredAt?: Date | null;
  externalRef?: string | null;
}

export interface RecordInteractionInput {
  customer: CustomerRef;
  channel: Channel;
  direction: Direction;
  kind: InteractionKind;
  personal: boolean;
  occurredAt?: Date | null;
  note?: string | null;
}

export type EventInput =
  | { purchase: RecordPurchaseInput }
  | { interaction: RecordInteractionInput }
  | { feedback: SubmitFeedbackInput }
  | { incident: ReportIncidentInput };
export type EventKind = 'purchase' | 'interaction' | 'feedback' | 'incident';

const TYPENAMES = {
  purchase: 'Purchase',
  interaction: 'Interaction',
  feedback: 'Feedback',
  incident: 'Incident',
} as const;

export interface EventOutcome {
  index: number;
  /** What the event created: its model and id. */
  created?: { typename: (typeof TYPENAMES)[EventKind]; id: string };
  errors: Error[];
}

interface Prepared {
  index: number;
  kind: EventKind;
  customerId: string;
  occurredAt: Date;
  id: string;
  input: RecordPurchaseInput | RecordInteractionInput | SubmitFeedbackInput | ReportIncidentInput;
  earned?: Earning | null;
  npsScore?: number | null;
}

function kindOf(event: EventInput): EventKind {
  if ('purchase' in event) return 'purchase';
  if ('interaction' in event) return 'interaction';
  return 'feedback' in event ? 'feedback' : 'incident';
}

export function inputOf(event: EventInput): Prepared['input'] {
  if ('purchase' in event) return event.purchase;
  if ('interaction' in event) return event.interaction;
  return 'feedback' in event ? event.feedback : event.incident;
}

function checkTime(occurredAt: Date | null | undefined, now: Date, path: string[], errors: FieldError[]): Date {
  const at = occurredAt ?? now;
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) errors.push({ path, message: 'Must not be in the future.' });
  return at;
}

function validatePurchase(
  input: RecordPurchaseInput,
  at: string[],
  settings: OrganizationSettings,
  now: Date,
): FieldError[] {
  const errors: FieldError[] = [];
  const { amountMinor, currency } = input.amount;
  if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0) {
    errors.push({
      path: [...at, 'amount', 'amountMinor'],
      message: 'A purchase amount is a whole number of minor units above 0.',
    });
  }
  if (!isAcceptedCurrency(currency, settings.loyalty)) {
    errors.push({
      path: [...at, 'amount', 'currency'],
      message: `${currency} is not accepted; use one of ${Object.keys(settings.loyalty.earnRates).join(', ')}.`,
    });
  }
  if (input.externalRef != null && (input.externalRef.trim() === '' || input.externalRef.length > 200)) {
    errors.push({ path: [...at, 'externalRef'], message: 'An external reference has 1 to 200 characters.' });
  }
  checkTime(input.occurredAt, now, [...at, 'occurredAt'], errors);
  return errors;
}

function validateInteraction(input: RecordInteractionInput, at: string[], now: Date): FieldError[] {
  const errors: FieldError[] = [];
  if (input.note != null && input.note.length > 2000)
    errors.push({ path: [...at, 'note'], message: 'At most 2 000 characters.' });
  checkTime(input.occurredAt, now, [...at, 'occurredAt'], errors);
  return errors;
}

function validateEvent(
  event: EventInput,
  path: string[],
  settings: OrganizationSettings,
  surveys: Map<string, AnsweredSurvey>,
  now: Date,
): FieldError[] {
  if ('purchase' in event) return validatePurchase(event.purchase, path, settings, now);
  if ('interaction' in event) return validateInteraction(event.interaction, path, now);
  const errors = 'feedback' in event ? checkAnswer(event.feedback, surveys, path) : checkIncident(event.incident, path);
  checkTime(inputOf(event).occurredAt, now, [...path, 'occurredAt'], errors);
  return errors;
}

/** Purchases whose externalRef is already recorded, or repeated earlier in the same batch. */
async function repeatedRefs(tx: TenantDbLike, purchases: Prepared[]): Promise<Set<number>> {
  const refs = purchases
    .map((event) => (event.input as RecordPurchaseInput).externalRef)
    .filter((ref): ref is string => Boolean(ref));
  if (refs.length === 0) return new Set();
  const existing = new Set(
    (await tx.purchase.findMany({ where: { externalRef: { in: refs } }, select: { externalRef: true } })).map(
      (row) => row.externalRef,
    ),
  );
  const seen = new Set<string>();
  const repeated = new Set<number>();
  for (const event of purchases) {
    const ref = (event.input as RecordPurchaseInput).externalRef;
    if (!ref) continue;
    if (existing.has(ref) || seen.has(ref)) repeated.add(event.index);
    seen.add(ref);
  }
  return repeated;
}

async function insertPurchases(tx: TenantTx, organizationId: string, purchases: Prepared[]): Promise<void> {
  await bulkInsert(
    tx,
    'Purchase',
    [
      ['id', 'text'],
      ['organizationId', 'text'],
      ['customerId', 'text'],
      ['amountMinor', 'bigint'],
      ['currency', 'text'],
      ['occurredAt', 'timestamp(3)'],
      ['externalRef', 'text'],
      ['pointsEarned', 'int'],
    ],
    purchases.map((event) => {
      const input = event.input as RecordPurchaseInput;
      return {
        id: event.id,
        organizationId,
        customerId: event.customerId,
        amountMinor: input.amount.amountMinor,
        currency: input.amount.currency,
        occurredAt: event.occurredAt,
        externalRef: input.externalRef ?? null,
        pointsEarned: event.earned?.points ?? 0,
      };
    }),
  );
}

async function insertInteractions(tx: TenantTx, organizationId: string, interactions: Prepared[]): Promise<void> {
  await bulkInsert(
    tx,
    'Interaction',
    [
      ['id', 'text'],
      ['organizationId', 'text'],
      ['customerId', 'text'],
      ['channel', '"Channel"'],
      ['direction', '"Direction"'],
      ['kind', '"InteractionKind"'],
      ['personal', 'boolean'],
      ['occurredAt', 'timestamp(3)'],
      ['note', 'text'],
    ],
    interactions.map((event) => {
      const input = event.input as RecordInteractionInput;
      return {
        id: event.id,
        organizationId,
        customerId: event.customerId,
        channel: input.channel,
        direction: input.direction,
        kind: input.kind,
        personal: input.personal,
        occurredAt: event.occurredAt,
        note: input.note ?? null,
      };
    }),
  );
}

/**
 * A concurrent call may insert the same externalRef between our check and our insert; the
 * unique index refuses it, and running again finds it recorded.
 */
async function retryOnUniqueViolation<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= attempts) throw error;
    }
  }
}

/**
 * Records a batch of events. `at(index)` is where an event's fields sit in the caller's input, so
 * a single mutation reports `['input', 'amount']` and a bulk call `['input', 'events', '7', 'purchase', 'amount']`.
 * `alongside` runs last in the same transaction with the indexes applied: an import marks its
 * rows applied in the very commit that applies them.
 */
export async function recordEvents(
  caller: AuthenticatedCaller,
  events: EventInput[],
  at: (index: number, kind: EventKind) => string[] = (index, kind) => ['input', 'events', String(index), kind],
  alongside?: (tx: TenantTx, applied: number[]) => Promise<void>,
): Promise<EventOutcome[]> {
  if (events.length > MAX_EVENTS) {
    throw ValidationError.at(
      ['input', 'events'],
      `At most ${MAX_EVENTS} events in one call; this one has ${events.length}.`,
    );
  }
  const { clock } = runtime();
  const now = clock.now();
  const settings = await organizationSettings(caller);
  const outcomes: EventOutcome[] = events.map((_event, index) => ({ index, errors: [] }));
  const fail = (index: number, error: Error) => outcomes[index].errors.push(error);

  const db = tenantDb(caller);
  const customerIds = await resolveCustomerRefs(
    db,
    events.map((event) => inputOf(event).customer),
  );
  const surveys = await surveysAnswered(
    db,
    events.flatMap((event) => ('feedback' in event ? [event.feedback] : [])),
  );
  const prepared: Prepared[] = [];
  events.forEach((event, index) => {
    const kind = kindOf(event);
    const path = at(index, kind);
    const fieldErrors = validateEvent(event, path, settings, surveys, now);
    if (fieldErrors.length > 0) fail(index, new ValidationError(fieldErrors));
    const customerId = customerIds[index];
    if (!customerId) fail(index, new NotFoundError('Customer'));
    const surveyId = 'feedback' in event ? event.feedback.surveyId : null;
    if (surveyId && !surveys.has(surveyId)) fail(index, new NotFoundError('Survey'));
    if (outcomes[index].errors.length > 0 || !customerId) return;
    const input = inputOf(event);
    const occurredAt = input.occurredAt ?? now;
    const survey = surveys.get(surveyId ?? '');
    const earned =
      'purchase' in event
        ? earnPointsForPurchase({ ...event.purchase.amount, occurredAt }, settings.loyalty)
        : 'feedback' in event
          ? participationEarning(survey, occurredAt, settings.loyalty)
          : undefined;
    const npsScore = 'feedback' in event && survey?.kind === 'NPS' ? event.feedback.score : null;
    prepared.push({ index, kind, customerId, occurredAt, id: randomUUID(), input, earned, npsScore });
  });

  const { applied, repeated, alreadyAnswered } = await retryOnUniqueViolation(() =>
    writeTransaction(
      caller.organizationId,
      async (tx) => {
        // Step 2 of the lock order (transaction.service.ts): the customers, before any row that refers to them.
        const balances = await lockCustomers(
          tx,
          caller.organizationId,
          prepared.map((event) => event.customerId),
        );
        const purchases = prepared.filter((event) => event.kind === 'purchase');
        const repeated = await repeatedRefs(tx, purchases);
        const valid = prepared.filter((event) => !repeated.has(event.index));
        await insertPurchases(
          tx,
          caller.organizationId,
          valid.filter((event) => event.kind === 'purchase'),
        );
        await insertInteractions(
          tx,
          caller.organizationId,
          valid.filter((event) => event.kind === 'interaction'),
        );
        const answers = valid.filter((event) => event.kind === 'feedback') as (Prepared & NewAnswer)[];
        const stored = await insertFeedback(tx, caller.organizationId, answers, surveys, now);
        const alreadyAnswered = answers.filter((event) => !stored.has(event.id)).map((event) => event.index);
        const incidents = valid.filter((event) => event.kind === 'incident') as NewIncident[];
        await insertIncidents(tx, caller, incidents, settings.slaHours, now);
        const applied = valid.filter((event) => event.kind !== 'feedback' || stored.has(event.id));
        const tiers = await applyEventEffects(tx, caller, applied, settings, now, balances);
        await recomputeWithinWrite(
          tx,
          caller.organizationId,
          applied.map((event) => event.customerId),
          settings,
          now,
          { customersLocked: true, tiers },
        );
        await alongside?.(
          tx,
          applied.map((event) => event.index),
        );
        // What a replay needs to answer as this call does: which events were applied, and why the others were not.
        return {
          applied: applied.map(({ index, kind, id, customerId }) => ({ index, kind, id, customerId })),
          repeated: [...repeated],
          alreadyAnswered,
        };
      },
      { answersRequest: true },
    ),
  );
  for (const index of repeated) {
    fail(
      index,
      ValidationError.at(
        [...at(index, 'purchase'), 'externalRef'],
        'A purchase with this external reference is already recorded; it is never counted twice.',
      ),
    );
  }
  for (const index of alreadyAnswered)
    fail(index, ValidationError.at([...at(index, 'feedback'), 'surveyId'], ANSWERED_ONCE));
  for (const event of applied) outcomes[event.index].created = { typename: TYPENAMES[event.kind], id: event.id };
  return outcomes;
}

/** One event as its own mutation: its error is thrown, for the mutation's result union. */
export async function recordEvent(caller: AuthenticatedCaller, event: EventInput): Promise<string> {
  const [outcome] = await recordEvents(caller, [event], () => ['input']);
  if (outcome.errors.length > 0) throw outcome.errors[0];
  return outcome.created!.id;
}
