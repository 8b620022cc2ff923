// A dialog form's state: busy while it submits, then errors at their fields and a message, or
// the data of the success.
import type { Outcome } from '$lib/graphql/mutate';

type Failure = Extract<Outcome<unknown>, { ok: false }>;

export class FormState {
  busy = $state(false);
  errors = $state<Record<string, string>>({});
  message = $state<string | null>(null);

  /** `explain` words a failure for the form's message, in the reader's language (`I18n.formFailure`). */
  constructor(private readonly explain: (failure: Failure) => string) {}

  reset(): void {
    this.busy = false;
    this.errors = {};
    this.message = null;
  }

  /** Runs the action; returns its data, or null after showing what went wrong. */
  async submit<T>(action: () => Promise<Outcome<T>>): Promise<T | null> {
    this.busy = true;
    this.errors = {};
    this.message = null;
    const outcome = await action();
    this.busy = false;
    if (outcome.ok) return outcome.data;
    this.errors = outcome.fieldErrors;
    this.message = this.explain(outcome);
    return null;
  }
}
