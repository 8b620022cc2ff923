// Applies the input limits (domain/validation/input-limits.ts) to every argument of every field,
// nested input objects and lists included, before the resolver or the database sees a value: a
// value over a limit is a ValidationError with its path. The limits of text are stated in the
// schema, beside each field they apply to.
import SchemaBuilder, {
  BasePlugin,
  type PothosInputFieldConfig,
  type PothosOutputFieldConfig,
  type SchemaTypes,
} from '@pothos/core';
import {
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  type GraphQLResolveInfo,
} from 'graphql';
import { getArgumentValues } from 'graphql/execution/values.js';
import { ValidationError, type FieldError } from '../domain/errors.ts';
import {
  dateProblem,
  integerProblem,
  MAX_COUNT,
  MAX_MONEY_MINOR,
  textLimit,
  textProblem,
} from '../domain/validation/input-limits.ts';

const TEXT_SCALARS = new Set(['String', 'ID']);
const LIMITED_SCALARS = new Set([...TEXT_SCALARS, 'Int', 'SafeInt', 'DateTime']);

function problemOf(scalar: string, field: string, value: unknown): string | null {
  if (TEXT_SCALARS.has(scalar) && typeof value === 'string') return textProblem(value, textLimit(field));
  if (scalar === 'Int' && typeof value === 'number') return integerProblem(value, MAX_COUNT);
  if (scalar === 'SafeInt' && typeof value === 'number') return integerProblem(value, MAX_MONEY_MINOR);
  if (scalar === 'DateTime' && value instanceof Date) return dateProblem(value);
  return null;
}

function check(type: GraphQLInputType, field: string, value: unknown, path: string[], problems: FieldError[]): void {
  if (value == null) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    if (!Array.isArray(value)) return check(nullable.ofType, field, value, path, problems);
    value.forEach((item, index) => check(nullable.ofType, field, item, [...path, String(index)], problems));
    return;
  }
  if (isInputObjectType(nullable)) {
    for (const [name, inner] of Object.entries(nullable.getFields()))
      check(inner.type, name, (value as Record<string, unknown>)[name], [...path, name], problems);
    return;
  }
  const message = problemOf(nullable.name, field, value);
  if (message) problems.push({ path, message });
}

/** Every value of these arguments that breaks a limit, with its path from the argument's name. */
export function inputProblems(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): FieldError[] {
  const problems: FieldError[] = [];
  for (const arg of field.args) check(arg.type, arg.name, args[arg.name], [arg.name], problems);
  return problems;
}

function takesLimitedInput(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (!isInputObjectType(named)) return LIMITED_SCALARS.has(named.name);
  if (seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((inner) => takesLimitedInput(inner.type, seen));
}

/** Whether a field's arguments hold anything limited, worked out once per field. */
const limitedFields = new WeakMap<GraphQLField<unknown, unknown>, boolean>();

/** The argument values as sent: plugins' argument mappers (global ids, say) have not touched them. */
function checkArguments(info: GraphQLResolveInfo): void {
  const field = info.parentType.getFields()[info.fieldName];
  let limited = limitedFields.get(field);
  if (limited === undefined) {
    limited = field.args.some((arg) => takesLimitedInput(arg.type));
    limitedFields.set(field, limited);
  }
  if (!limited) return;
  const problems = inputProblems(field, getArgumentValues(field, info.fieldNodes[0], info.variableValues));
  if (problems.length > 0) throw new ValidationError(problems);
}

export class InputLimitsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onInputFieldConfig(fieldConfig: PothosInputFieldConfig<Types>): PothosInputFieldConfig<Types> {
    const type = fieldConfig.type.kind === 'List' ? fieldConfig.type.type : fieldConfig.type;
    // Cursors of nested connections are ours to hand out; every other text input says its limit.
    const cursor =
      fieldConfig.kind === 'Arg' && !['Query', 'Mutation', 'Subscription'].includes(fieldConfig.parentType);
    if (type.kind !== 'Scalar' || cursor) return fieldConfig;
    const scalar = typeof type.ref === 'string' ? type.ref : (type.ref as { name?: string }).name;
    if (!TEXT_SCALARS.has(scalar ?? '')) return fieldConfig;
    const { maxLength, multiline } = textLimit(fieldConfig.name);
    const limit = `At most ${maxLength} characters${multiline ? '' : ', on one line'}.`;
    return { ...fieldConfig, description: fieldConfig.description ? `${fieldConfig.description} ${limit}` : limit };
  }

  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (Object.keys(fieldConfig.args).length === 0) return resolver;
    return (parent, args, context, info) => {
      checkArguments(info);
      return resolver(parent, args, context, info);
    };
  }

  override wrapSubscribe(
    subscribe: GraphQLFieldResolver<unknown, Types['Context'], object> | undefined,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> | undefined {
    if (!subscribe || Object.keys(fieldConfig.args).length === 0) return subscribe;
    return (parent, args, context, info) => {
      checkArguments(info);
      return subscribe(parent, args, context, info);
    };
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      inputLimits: InputLimitsPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin('inputLimits', InputLimitsPlugin);

export default 'inputLimits' as const;
