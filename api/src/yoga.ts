// createYoga(...): the GraphQL HTTP handler (queries, mutations, SSE subscriptions). It never
// listens; app.ts mounts it on the HTTP server beside graphql-ws.
import { randomUUID } from 'node:crypto';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { getOperationAST, GraphQLError, NoSchemaIntrospectionCustomRule, validate, type ExecutionArgs } from 'graphql';
import type { Caller } from './auth/caller.ts';
import { isDatabaseTimeout } from './db/errors.ts';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { schema } from './schema/index.ts';
import { createContext, type Context, type ContextSource } from './context.ts';
import type { WritesInFlight } from './writes-in-flight.ts';
import type { Logger } from './log.ts';
import { useMaxPageSize } from './schema/max-page-size.ts';
import { useIdempotency } from './schema/idempotency.ts';
import { ForbiddenError, NotFoundError, RetryableError, ValidationError } from './domain/errors.ts';
import { useOpenSubscriptions, type OpenConnections } from './auth/open-connections.ts';
import { useSharedEvents } from './schema/shared-events.ts';

export type Yoga = YogaServerInstance<ContextSource, Context>;

const DOMAIN_ERROR_CODES = new Map<new (...args: never[]) => Error, string>([
  [ForbiddenError, 'FORBIDDEN'],
  [NotFoundError, 'NOT_FOUND'],
  [ValidationError, 'BAD_USER_INPUT'],
]);

/** Limits against hostile queries, on from the start. */
export const QUERY_LIMITS = {
  maxDepth: 12,
  // Room for one node(id:) per type of the schema in one request (about twenty), still a bound.
  maxAliases: 30,
  maxTokens: 2000,
  maxCost: 10000,
  maxPageSize: 100,
};

/** Larger request bodies are refused as soon as they are known to be larger: a bulk of 1 000 events fits easily. */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** What one HTTP request's log line says: never its variables or credentials. */
interface RequestFacts {
  requestId: string;
  startedAt: number;
  operation?: string | null;
  caller?: Caller['kind'];
}

export function createYogaServer(log: Logger, open: OpenConnections, writes: WritesInFlight): Yoga {
  const requestOf = new WeakMap<GraphQLError, string>();
  const requests = new WeakMap<Request, RequestFacts>();
  const noteOperation = ({ args }: { args: ExecutionArgs & { contextValue: Context & { request?: Request } } }) => {
    const facts = args.contextValue.request && requests.get(args.contextValue.request);
    if (!facts) return;
    facts.operation = getOperationAST(args.document, args.operationName)?.name?.value ?? null;
    facts.caller = args.contextValue.caller.kind;
  };
  // One info line per HTTP request, and its id in the response so a caller can quote it. A
  // subscription over SSE is logged when its stream starts. First among the plugins: one that
  // answers early (an idempotent replay) must not leave the line without its operation.
  const logRequests: Plugin<Context> = {
    onRequest({ request }) {
      requests.set(request, {
        requestId: request.headers.get('x-request-id') ?? randomUUID(),
        startedAt: performance.now(),
      });
    },
    onExecute: noteOperation,
    onSubscribe: noteOperation,
    onResponse({ request, response }) {
      const facts = requests.get(request);
      if (!facts) return;
      response.headers.set('x-request-id', facts.requestId);
      // The rest of a body cut off at the limit would be read as the next request: end the connection.
      if (response.status === 413) response.headers.set('connection', 'close');
      log.info('graphql request', {
        requestId: facts.requestId,
        operation: facts.operation ?? null,
        caller: facts.caller ?? null,
        status: response.status,
        durationMs: Math.round(performance.now() - facts.startedAt),
      });
    },
  };
  // Introspection answers signed-in callers (partners' tools, the dashboard): anonymously it was a
  // cheap way to load the process. The schema stays public in api/schema.graphql.
  const introspectionSignedIn: Plugin<Context> = {
    onExecute({ args, setResultAndStopExecution }) {
      if (args.contextValue.caller.kind !== 'anonymous') return;
      if (validate(args.schema, args.document, [NoSchemaIntrospectionCustomRule]).length === 0) return;
      setResultAndStopExecution({
        errors: [
          new GraphQLError(
            'Introspection needs a signed-in caller: send Authorization: Bearer <session token or API key>.',
            {
              extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
            },
          ),
        ],
      });
    },
  };
  const logExecution: Plugin<Context> = {
    onExecute({ args }) {
      const requestId = args.contextValue.requestId;
      return {
        // Runs before the masking: remembers which request each error came from, for its log line.
        onExecuteDone({ result }) {
          for (const error of 'errors' in result ? (result.errors ?? []) : []) requestOf.set(error, requestId);
        },
      };
    },
  };
  return createYoga<ContextSource, Context>({
    schema,
    context: (initial) => createContext({ ...initial, requestId: requests.get(initial.request)?.requestId }),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // A browser opening the API's address gets GraphiQL to explore the schema; every request it
    // sends is authorized like any other, by the key pasted into its headers.
    graphiql: {
      title: 'Trofast API',
      headers: JSON.stringify({ Authorization: 'Bearer trf_…' }, null, 2),
      defaultQuery:
        '# Put your API key in the headers below, then run:\n{ customers(first: 5) { totalCount edges { node { name risk { score level } } } } }\n',
    },
    batching: false,
    // Counts the bytes as they arrive, so a chunked body without Content-Length is cut off too.
    maxRequestBodySize: MAX_BODY_BYTES,
    logging: false,
    maskedErrors: {
      // Unexpected errors reach the client as "Unexpected error." with an id; the log has the rest.
      maskError(error, message) {
        if (error instanceof GraphQLError && (!error.originalError || error.originalError instanceof GraphQLError)) {
          return error;
        }
        // A domain error outside a mutation's result union (a query refused, say) keeps its words.
        const original = error instanceof GraphQLError ? error.originalError : error;
        // Nothing was stored; the caller can send the same request again.
        if (original instanceof RetryableError) {
          return new GraphQLError(original.message, {
            extensions: { code: 'RETRY_LATER', retryAfterSeconds: original.retryAfterSeconds },
            nodes: (error as GraphQLError).nodes,
            path: (error as GraphQLError).path,
          });
        }
        if (isDatabaseTimeout(original)) {
          return new GraphQLError('The database did not answer in time; nothing was changed. Try again.', {
            extensions: { code: 'RETRY_LATER', retryAfterSeconds: 5 },
            nodes: (error as GraphQLError).nodes,
            path: (error as GraphQLError).path,
          });
        }
        const code = original instanceof Error ? DOMAIN_ERROR_CODES.get(original.constructor as never) : undefined;
        if (original instanceof Error && code) {
          return new GraphQLError(original.message, {
            extensions: { code },
            nodes: (error as GraphQLError).nodes,
            path: (error as GraphQLError).path,
          });
        }
        const errorId = randomUUID();
        log.error('unexpected error', {
          errorId,
          requestId: requestOf.get(error as GraphQLError) ?? null,
          error: error instanceof GraphQLError ? error.originalError : error,
        });
        return new GraphQLError(message, {
          extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
          nodes: error instanceof GraphQLError ? error.nodes : undefined,
          path: error instanceof GraphQLError ? error.path : undefined,
        });
      },
    },
    plugins: [
      logRequests,
      introspectionSignedIn,
      EnvelopArmorPlugin({
        maxDepth: { n: QUERY_LIMITS.maxDepth },
        maxAliases: { n: QUERY_LIMITS.maxAliases },
        maxTokens: { n: QUERY_LIMITS.maxTokens },
        costLimit: { maxCost: QUERY_LIMITS.maxCost },
        blockFieldSuggestion: { enabled: true },
      }),
      useMaxPageSize(QUERY_LIMITS.maxPageSize),
      useIdempotency(),
      useOpenSubscriptions(open),
      useSharedEvents(),
      countWrites(writes),
      logExecution,
    ],
  });
}

/** Counts each mutation while it executes (writes-in-flight.ts). */
function countWrites(writes: WritesInFlight): Plugin<Context> {
  return {
    onExecute({ args }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return;
      const ended = writes.start();
      return { onExecuteDone: ended };
    },
  };
}
