// The dashboard's operations against the GraphQL schemas: the partner contract
// (../shared/contract.graphql) for the names it fixes, and the API's printed schema
// (api/schema.graphql) for what the API serves, so a page breaks here, not in a browser, when a
// shape disagrees. The two may differ only where the contract allows it: the API adds fields of
// its own ("more fields are welcome").
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Kind, buildSchema, parse, print, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import * as documents from './documents';

const read = (relative: string) => {
  const path = fileURLToPath(new URL(relative, import.meta.url));
  return existsSync(path) ? buildSchema(readFileSync(path, 'utf8'), { assumeValidSDL: true }) : null;
};
const api = read('../../../../api/schema.graphql');
const contract = read('../../../../../shared/contract.graphql');

// Each operation as the text it is sent as, with the fragments it spreads (gql.tada appends
// them); a fragment alone is validated where an operation spreads it.
const operations: [string, string][] = Object.entries(documents)
  .filter(([, document]) => document.definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION))
  .map(([name, document]) => [name, print(document as DocumentNode)]);

const messages = (schema: GraphQLSchema, text: string) => validate(schema, parse(text)).map((error) => error.message);

/**
 * Whether `schema` has what a validation error against the other schema says is missing: a field,
 * an argument or a type. Anything else (a wrong argument type, a shape that differs) is a bug.
 */
function has(schema: GraphQLSchema | null, message: string): boolean {
  if (!schema) return false;
  const fieldOf = (typeName: string, fieldName: string) => {
    const type = schema.getType(typeName);
    return type && 'getFields' in type ? type.getFields()[fieldName] : undefined;
  };
  const field = /^Cannot query field "(\w+)" on type "(\w+)"/.exec(message);
  if (field) return Boolean(fieldOf(field[2], field[1]));
  const argument = /^Unknown argument "(\w+)" on field "(\w+)\.(\w+)"/.exec(message);
  if (argument) {
    const found = fieldOf(argument[2], argument[3]);
    return Boolean(found && 'args' in found && found.args.some((arg) => arg.name === argument[1]));
  }
  const unknown =
    /^Unknown type "(\w+)"/.exec(message) ??
    /^Fragment cannot be spread here as objects of type "\w+" can never be of type "(\w+)"/.exec(message);
  return Boolean(unknown && schema.getType(unknown[1]));
}

describe('the dashboard’s GraphQL operations', () => {
  test.skipIf(!contract).each(operations)(
    '%s is valid against the partner contract, but for fields the API adds',
    (_name, text) => {
      expect(messages(contract!, text).filter((message) => !has(api, message))).toEqual([]);
    },
  );

  // One unserved field fails a whole query: every operation must validate against the API as it is.
  test.skipIf(!api).each(operations)('%s is valid against api/schema.graphql', (_name, text) => {
    expect(messages(api!, text)).toEqual([]);
  });
});
