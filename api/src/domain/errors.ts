// Domain errors: what a caller did wrong, in words they can act on. The GraphQL layer exposes
// each as a type of the partner contract (plugin-errors); nothing here knows about GraphQL.
import type { Tier } from './types.ts';

export interface FieldError {
  /** Where the problem is, from the input's root: ['input', 'amount', 'currency']. */
  path: string[];
  message: string;
}

export class ValidationError extends Error {
  override name = 'ValidationError';
  readonly fieldErrors: FieldError[];
  constructor(fieldErrors: FieldError[], message?: string) {
    super(
      message ??
        (fieldErrors.length === 1
          ? fieldErrors[0].message
          : fieldErrors.map((error) => `${error.path.join('.')}: ${error.message}`).join('; ')),
    );
    this.fieldErrors = fieldErrors;
  }
  static at(path: string[], message: string): ValidationError {
    return new ValidationError([{ path, message }]);
  }
}

export class NotFoundError extends Error {
  override name = 'NotFoundError';
  constructor(what: string) {
    super(`${what} was not found.`);
  }
}

export class ForbiddenError extends Error {
  override name = 'ForbiddenError';
}

export class InsufficientPointsError extends Error {
  override name = 'InsufficientPointsError';
  constructor(
    readonly balance: number,
    readonly required: number,
  ) {
    super(`The balance is ${balance} points; ${required} are needed.`);
  }
}

export class OutOfStockError extends Error {
  override name = 'OutOfStockError';
  constructor(rewardName: string) {
    super(`${rewardName} is out of stock.`);
  }
}

export class TierTooLowError extends Error {
  override name = 'TierTooLowError';
  constructor(
    readonly requiredTier: Tier,
    readonly customerTier: Tier,
  ) {
    super(`This reward needs tier ${requiredTier}; the customer is ${customerTier}.`);
  }
}

/** Too many attempts for now; `retryAfterSeconds` says when the next one is evaluated. */
export class RateLimitedError extends Error {
  override name = 'RateLimitedError';
  constructor(
    readonly retryAfterSeconds: number,
    what: string,
  ) {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    super(
      `Too many ${what}. Try again in ${
        retryAfterSeconds < 90
          ? `${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}`
          : `${minutes} minutes`
      }.`,
    );
  }
}

/** A validator collects every problem of an input, then throws them together. */
export class FieldErrors {
  private readonly errors: FieldError[] = [];
  add(path: string[], message: string): void {
    this.errors.push({ path, message });
  }
  throwIfAny(): void {
    if (this.errors.length > 0) throw new ValidationError(this.errors);
  }
}

/**
 * The write could not be made now and nothing of it was stored: another request holds what it
 * needs (the same idempotency key still running, a lock held too long), or the database does not
 * answer. The same request, sent again after `retryAfterSeconds`, is safe.
 */
export class RetryableError extends Error {
  override name = 'RetryableError';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
