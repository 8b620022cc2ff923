// An event reaches every subscriber of an organization at once. Subscribers who asked the same
// subscription (document, variables) and would be given the same answer (organization, role or
// key scopes, language) share one execution of each event: the board of every manager costs one
// read, one authorization and one rendering per event, then only its own send.
import { createSourceEventStream, execute, type DocumentNode, type ExecutionArgs } from 'graphql';
import { isAsyncIterable, mapAsyncIterator, type Plugin } from 'graphql-yoga';
import type { Caller } from '../auth/caller.ts';
import type { Context } from '../context.ts';
import { shared } from '../shared.ts';

/** Everything about a caller that changes an answer: whose data, what they may see, in which language. */
function readerKey(caller: Caller): string {
  switch (caller.kind) {
    case 'user':
      return `${caller.organizationId}:role:${caller.role}:${caller.locale}`;
    case 'apiKey':
      // A partner reads in the organization's language: the organization already says which.
      return `${caller.organizationId}:scopes:${[...caller.scopes].sort().join(',')}`;
    case 'system':
      return `${caller.organizationId}:system`;
    // One customer's own data: shared with nobody.
    case 'member':
      return `${caller.organizationId}:member:${caller.customerId}`;
    case 'anonymous':
      return 'anonymous';
  }
}

/** Yoga parses a query string once: one document object stands for one subscription text. */
const documentKeys = new WeakMap<DocumentNode, number>();
let nextDocumentKey = 0;
function documentKey(document: DocumentNode): number {
  let key = documentKeys.get(document);
  if (key === undefined) documentKeys.set(document, (key = nextDocumentKey++));
  return key;
}

/** Every published event carries an id unique to its publication. */
function eventIdOf(event: unknown): string | undefined {
  const id = (event as { eventId?: unknown } | null)?.eventId;
  return typeof id === 'string' ? id : undefined;
}

async function subscribeSharingEvents(args: ExecutionArgs) {
  const stream = await createSourceEventStream(args);
  // Refused (no credentials, no permission, a bad argument): the refusal is the answer.
  if (!isAsyncIterable(stream)) return stream;
  const reader = readerKey((args.contextValue as Context).caller);
  const question = `${documentKey(args.document)}:${args.operationName ?? ''}:${JSON.stringify(args.variableValues ?? {})}:${reader}`;
  return mapAsyncIterator(stream, (event) => {
    const eventId = eventIdOf(event);
    const run = () => execute({ ...args, rootValue: event });
    return eventId === undefined ? run() : shared(`event:${eventId}:${question}`, run);
  });
}

export function useSharedEvents(): Plugin<Context> {
  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(subscribeSharingEvents as never);
    },
  };
}
