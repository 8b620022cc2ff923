// One mechanism for every partner write that takes an `idempotencyKey`. Before the mutation runs,
// a key that already has an answer replays it byte for byte. Otherwise the mutation runs with the
// key in scope (requestKeys): the write that is its effect claims the key in its own transaction
// and commits its result with it (services/transaction.service.ts); the rendered answer is kept
// after. The key with other input makes the mutation answer a ValidationError (thrown inside the
// field, so it comes back in the mutation's result union). Only a caller the authorization matrix
// admits claims or replays a key: a refused call changes nothing, its key included.
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FieldNode,
  type GraphQLFieldResolver,
  type OperationDefinitionNode,
} from 'graphql';
import { getArgumentValues } from 'graphql/execution/values.js';
import type { Plugin } from 'graphql-yoga';
import { ValidationError } from '../domain/errors.ts';
import { ACCESS, permits } from '../auth/access.ts';
import type { Context } from '../context.ts';
import {
  KEY_CONFLICT,
  keyClaim,
  keyState,
  requestHash,
  requestKeys,
  storeAnswer,
} from '../services/idempotency.service.ts';
import { inputProblems } from './input-limits.ts';

export const IDEMPOTENCY_ARG = 'idempotencyKey';
/** The options of the `idempotencyKey` argument every partner write takes. */
export const IDEMPOTENCY_KEY = {
  description:
    'Retry safely: a repeat with the same key returns the first answer and changes nothing (keys are kept 7 days).',
};

export function useIdempotency(): Plugin<Context> {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const document = args.document as DocumentNode;
      const operation = document.definitions.find(
        (definition): definition is OperationDefinitionNode =>
          definition.kind === Kind.OPERATION_DEFINITION &&
          (!args.operationName || definition.name?.value === args.operationName),
      );
      const mutationType = args.schema.getMutationType();
      if (operation?.operation !== 'mutation' || !mutationType) return;
      const fields = operation.selectionSet.selections.filter((node): node is FieldNode => node.kind === Kind.FIELD);
      const keyed = fields
        .map((node: FieldNode) => {
          const definition = mutationType.getFields()[node.name.value];
          const values = definition ? getArgumentValues(definition, node, args.variableValues ?? undefined) : {};
          return { node, values, key: values[IDEMPOTENCY_ARG] as string | undefined };
        })
        .filter((field: { key: string | undefined }) => typeof field.key === 'string');
      if (keyed.length === 0) return;
      const caller = args.contextValue.caller;
      if (caller.kind === 'anonymous') return;
      if (operation.selectionSet.selections.length > 1) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError('An operation with an idempotencyKey must hold that one mutation and nothing else.'),
          ],
        });
        return;
      }
      const [{ node, values, key }] = keyed;
      // This runs before scope-auth: left alone, the refusal would be stored as the key's answer.
      if (!permits(caller, ACCESS[`Mutation.${node.name.value}`])) return;
      // Input over its limits (a 1 MB key, say) is the field's ValidationError; nothing is claimed.
      if (inputProblems(mutationType.getFields()[node.name.value], values).length > 0) return;
      const { [IDEMPOTENCY_ARG]: _key, ...input } = values;
      const claim = keyClaim(caller, key!, node.name.value, requestHash(node.name.value, input));
      const state = await keyState(claim);
      const responseKey = node.alias?.value ?? node.name.value;
      if (state.kind === 'answered') {
        setResultAndStopExecution({ data: { [responseKey]: JSON.parse(state.response) } });
        return;
      }
      if (state.kind === 'conflict') {
        args.contextValue.idempotencyConflict = true;
        return;
      }
      args.contextValue.requestKey = {
        claim,
        ...(state.kind === 'committed' ? { committed: { result: state.result } } : {}),
      };
      return {
        async onExecuteDone({ result }) {
          const single = result as { data?: Record<string, unknown> | null; errors?: readonly unknown[] };
          const answer = single.data?.[responseKey];
          if (answer != null && !single.errors?.length) await storeAnswer(claim, JSON.stringify(answer));
        },
      };
    },
  };
}

/** Makes a mutation whose key was used with other input answer a ValidationError. */
export class IdempotencyPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (fieldConfig.kind !== 'Mutation' || !(IDEMPOTENCY_ARG in fieldConfig.args)) return resolver;
    return (parent, args, context, info) => {
      const { idempotencyConflict, requestKey } = context as Context;
      if (idempotencyConflict) throw ValidationError.at([IDEMPOTENCY_ARG], KEY_CONFLICT);
      return requestKey
        ? requestKeys.run(requestKey, () => resolver(parent, args, context, info))
        : resolver(parent, args, context, info);
    };
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      idempotency: IdempotencyPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin('idempotency', IdempotencyPlugin);

export default 'idempotency' as const;
