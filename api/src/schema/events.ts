import { builder } from './builder.ts';
import { ACCESS_ERRORS, ErrorInterface } from './errors.ts';
import { IDEMPOTENCY_KEY } from './idempotency.ts';
import { RecordPurchaseInput, purchaseEvent } from './purchase.ts';
import { RecordInteractionInput, interactionEvent } from './interaction.ts';
import { SubmitFeedbackInput, feedbackInput } from './feedback.ts';
import { ReportIncidentInput, incidentInput } from './incident.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { wrapErrorIfMatches } from '@pothos/plugin-errors';
import { authenticated } from '../auth/caller.ts';
import { MAX_EVENTS, recordEvents, type EventInput, type EventOutcome } from '../services/events.service.ts';
import { encodeGlobalID } from '@pothos/plugin-relay';

const EventInputRef = builder.inputType('EventInput', {
  isOneOf: true,
  description: 'One event: exactly one of its fields.',
  fields: (t) => ({
    purchase: t.field({ type: RecordPurchaseInput, description: 'A purchase, as `recordPurchase` takes it.' }),
    interaction: t.field({
      type: RecordInteractionInput,
      description: 'A contact, as `recordInteraction` takes it.',
    }),
    feedback: t.field({
      type: SubmitFeedbackInput,
      description: 'An answer or comment, as `submitFeedback` takes it.',
    }),
    incident: t.field({ type: ReportIncidentInput, description: 'An incident, as `reportIncident` takes it.' }),
  }),
});

/** What one event can fail with. */
const EVENT_ERRORS = [ValidationError, NotFoundError, ForbiddenError];

const EventResult = builder.objectRef<EventOutcome>('EventResult').implement({
  description: 'What became of one event of a `recordEvents` call.',
  fields: (t) => ({
    index: t.exposeInt('index', { description: 'Position in the request.' }),
    ok: t.boolean({
      description: 'true: the event was applied; false: nothing of it was.',
      resolve: (outcome) => outcome.errors.length === 0,
    }),
    id: t.id({
      nullable: true,
      description: 'The global id of what the event created.',
      resolve: (outcome) => (outcome.created ? encodeGlobalID(outcome.created.typename, outcome.created.id) : null),
    }),
    errors: t.field({
      type: [ErrorInterface],
      description: 'Why the event was not applied; empty when it was.',
      // Wrapped as plugin-errors does: GraphQL would take a bare Error value for a failure.
      resolve: (outcome) => outcome.errors.map((error) => wrapErrorIfMatches(error, EVENT_ERRORS) as Error),
    }),
  }),
});

const RecordEventsPayload = builder.objectRef<EventOutcome[]>('RecordEventsPayload').implement({
  description: 'The outcome of a bulk `recordEvents` call.',
  fields: (t) => ({
    results: t.field({
      type: [EventResult],
      description: 'One result per event, in the order sent.',
      resolve: (outcomes) => outcomes,
    }),
    applied: t.int({
      description: 'How many events were applied.',
      resolve: (outcomes) => outcomes.filter((outcome) => outcome.errors.length === 0).length,
    }),
    failed: t.int({
      description: 'How many events were not applied.',
      resolve: (outcomes) => outcomes.filter((outcome) => outcome.errors.length > 0).length,
    }),
  }),
});

const RecordEventsInput = builder.inputType('RecordEventsInput', {
  description: 'The events to record, in order.',
  fields: (t) => ({
    events: t.field({ type: [EventInputRef], required: true, description: `At most ${MAX_EVENTS}.` }),
  }),
});

function toEvent(input: typeof EventInputRef.$inferInput): EventInput {
  if (input.purchase) return purchaseEvent(input.purchase);
  if (input.interaction) return interactionEvent(input.interaction);
  if (input.feedback) return { feedback: feedbackInput(input.feedback) };
  return { incident: incidentInput(input.incident!) };
}

builder.mutationField('recordEvents', (t) =>
  t.field({
    type: RecordEventsPayload,
    description: `Up to ${MAX_EVENTS} events in one call, each applied all-or-nothing with a result per index; invalid events never stop valid ones. AGENT and up, or a key with \`events:write\`.`,
    errors: {
      types: [ValidationError, ...ACCESS_ERRORS],
      dataField: { description: 'A result per event, and the counts.' },
    },
    args: {
      input: t.arg({ type: RecordEventsInput, required: true, description: 'The events.' }),
      idempotencyKey: t.arg.string(IDEMPOTENCY_KEY),
    },
    resolve: (_root, { input }, context) => recordEvents(authenticated(context), input.events.map(toEvent)),
  }),
);
