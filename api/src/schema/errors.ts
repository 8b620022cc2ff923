// The error types of the partner contract: domain errors (domain/errors.ts) come back as data
// in a mutation's result union, each implementing `interface Error { message }`.
import {
  ForbiddenError,
  InsufficientPointsError,
  NotFoundError,
  OutOfStockError,
  RateLimitedError,
  TierTooLowError,
  ValidationError,
  type FieldError,
} from '../domain/errors.ts';
import { builder } from './builder.ts';
import { TierEnum } from './enums.ts';

export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'Something the caller can correct; `message` says what.',
  // Each domain error's name is its GraphQL type's name.
  resolveType: (error) => error.name,
  fields: (t) => ({ message: t.exposeString('message', { description: 'What went wrong, in plain words.' }) }),
});

const FieldErrorRef = builder.objectRef<FieldError>('FieldError').implement({
  description: 'One invalid input field: its path from the argument root, and what is wrong.',
  fields: (t) => ({
    path: t.exposeStringList('path', {
      description: 'Field names and list indexes, e.g. ["input", "events", "3", "purchase"].',
    }),
    message: t.exposeString('message', { description: 'What is wrong with the value.' }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input is invalid; nothing was changed. `fieldErrors` names each field.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    fieldErrors: t.field({
      type: [FieldErrorRef],
      description: 'Every invalid field, at least one.',
      resolve: (error) => error.fieldErrors,
    }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'Nothing with that id or external id exists in your organization.',
  interfaces: [ErrorInterface],
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  description: 'Your role or API key scopes do not allow this.',
  interfaces: [ErrorInterface],
});

builder.objectType(InsufficientPointsError, {
  name: 'InsufficientPointsError',
  description: "The customer's balance is below what this needs; nothing was changed.",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    balance: t.exposeInt('balance', { description: "The customer's points balance now." }),
    required: t.exposeInt('required', { description: 'The points this needs.' }),
  }),
});

builder.objectType(OutOfStockError, {
  name: 'OutOfStockError',
  description: 'The reward has no stock left; nothing was changed.',
  interfaces: [ErrorInterface],
});

builder.objectType(RateLimitedError, {
  name: 'RateLimitedError',
  description: 'Too many attempts for now: nothing was tried. Try again after `retryAfterSeconds`.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    retryAfterSeconds: t.exposeInt('retryAfterSeconds', { description: 'Seconds to wait before the next attempt.' }),
  }),
});

builder.objectType(TierTooLowError, {
  name: 'TierTooLowError',
  description: "The customer's tier is below the reward's minimum tier; nothing was changed.",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    requiredTier: t.field({
      type: TierEnum,
      description: "The reward's minimum tier.",
      resolve: (error) => error.requiredTier,
    }),
    customerTier: t.field({
      type: TierEnum,
      description: "The customer's tier now.",
      resolve: (error) => error.customerTier,
    }),
  }),
});

/** The errors every mutation may answer with. */
export const ACCESS_ERRORS = [ForbiddenError];
