// A settings card's state: part of the organization's settings, loaded once, edited in a draft and
// saved through its handleSave… service. The draft is a copy: the query's answer stays what the API
// said while the fields change, and what the API refuses stays in the form to be corrected.
import type { Client, TypedDocumentNode } from '@urql/core';
import { Query } from '$lib/graphql/query.svelte';
import type { Outcome } from '$lib/graphql/mutate';
import type { I18n } from '$lib/i18n/i18n.svelte';
import type { MessageKey } from '$lib/i18n/translate';
import { FormState } from './form.svelte';
import type { Toasts } from './toasts.svelte';

/** A settings query asks for the caller's organization: it takes no variables. */
type NoVariables = Record<never, never>;

export class SettingsDraft<Result, Draft, Saved> {
  readonly query: Query<Result, NoVariables>;
  readonly form: FormState;
  /** What the card's fields edit; null until the settings have loaded. */
  draft = $state<Draft | null>(null);

  constructor(
    private readonly app: { client: Client; i18n: I18n; toasts: Toasts },
    document: TypedDocumentNode<Result, NoVariables>,
    private readonly card: {
      /** Where the API reports this card's field errors: `settings.pulse` for `settings.pulse.threshold`. */
      prefix: string;
      /** The part of the answer the card edits. */
      fromResult: (result: Result) => Draft;
      send: (client: Client, draft: Draft) => Promise<Outcome<Saved>>;
      /** What the API stored, when it normalises what it was sent; without it the draft stays as sent. */
      fromSaved?: (saved: Saved) => Draft;
      savedMessage: MessageKey;
    },
  ) {
    // The first answer fills the draft, also when it comes from the retry after a failed load;
    // a later one leaves what is being edited.
    this.query = new Query(app.client, document, (result) => {
      this.draft ??= structuredClone(this.card.fromResult(result));
    });
    this.form = new FormState(app.i18n.formFailure);
  }

  /** Call from $effect: the query runs only in the browser. */
  async load(): Promise<void> {
    await this.query.run();
  }

  /** The API's message for the field at `path` below the card's prefix, if it refused it. */
  error(path: string): string | undefined {
    return this.form.errors[`${this.card.prefix}.${path}`];
  }

  /**
   * The form's onsubmit (an arrow, so it can be passed as one): returns what the API stored, or
   * null when it refused, the errors then showing at their fields.
   */
  save = async (event: Event): Promise<Saved | null> => {
    event.preventDefault();
    if (!this.draft) return null;
    const draft = $state.snapshot(this.draft) as Draft;
    const saved = await this.form.submit(() => this.card.send(this.app.client, draft));
    if (!saved) return null;
    if (this.card.fromSaved) this.draft = structuredClone(this.card.fromSaved(saved));
    this.app.toasts.push(this.app.i18n.t(this.card.savedMessage));
    return saved;
  };
}
