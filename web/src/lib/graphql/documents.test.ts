// The dashboard's operations against the GraphQL schemas: the partner contract
// (../shared/contract.graphql) for the names it fixes, and the API's printed schema
// (api/schema.graphql) for every operation whose fields the API already has, so a page breaks
// here, not in a browser, when a shape disagrees.
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse, validate, type GraphQLSchema, Kind, type OperationDefinitionNode } from 'graphql';
import * as documents from './documents';

const read = (relative: string) => {
  const path = fileURLToPath(new URL(relative, import.meta.url));
  return existsSync(path) ? buildSchema(readFileSync(path, 'utf8'), { assumeValidSDL: true }) : null;
};
const api = read('../../../../api/schema.graphql');
const contract = read('../../../../../shared/contract.graphql');

/** Named in issue 9 but not in the contract: checked against the API once it has them. */
const PLANNED = new Set([
  'STAFF',
  'ORGANIZATION',
  'UPDATE_ORGANIZATION_SETTINGS',
  'CREATE_USER',
  'UPDATE_USER',
  'DEACTIVATE_USER',
  'PROGRAM_ECONOMICS',
]);

const operations = Object.entries(documents).filter(
  (entry): entry is [string, string] => typeof entry[1] === 'string' && !entry[0].endsWith('_FIELDS'),
);

function rootFieldsExist(schema: GraphQLSchema, text: string): boolean {
  return parse(text)
    .definitions.filter(
      (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
    )
    .every((operation) => {
      const root =
        operation.operation === 'query'
          ? schema.getQueryType()
          : operation.operation === 'mutation'
            ? schema.getMutationType()
            : schema.getSubscriptionType();
      return operation.selectionSet.selections.every(
        (selection) => selection.kind === Kind.FIELD && Boolean(root?.getFields()[selection.name.value]),
      );
    });
}

const messages = (schema: GraphQLSchema, text: string) => validate(schema, parse(text)).map((error) => error.message);

/**
 * An error that only says the API has not printed a contract field or type yet: the page shows
 * "not available yet" for it. Anything else (a wrong argument, a shape that differs) is a bug.
 */
function notYetServed(message: string): boolean {
  const field = /^Cannot query field "(\w+)" on type "(\w+)"/.exec(message);
  if (field) {
    const type = contract?.getType(field[2]);
    return Boolean(type && 'getFields' in type && field[1] in type.getFields());
  }
  const unknown =
    /^Unknown type "(\w+)"/.exec(message) ??
    /^Fragment cannot be spread here as objects of type "\w+" can never be of type "(\w+)"/.exec(message);
  return Boolean(unknown && contract?.getType(unknown[1]));
}

describe('the dashboard’s GraphQL operations', () => {
  test.skipIf(!contract).each(operations.filter(([name]) => !PLANNED.has(name)))(
    '%s is valid against the partner contract',
    (_name, text) => {
      expect(messages(contract!, text)).toEqual([]);
    },
  );

  test.skipIf(!api)(
    'every operation whose root fields the API serves agrees with api/schema.graphql, but for contract fields still to come',
    () => {
      const served = operations.filter(([, text]) => rootFieldsExist(api!, text));
      for (const [name, text] of served) {
        expect(
          messages(api!, text).filter((message) => !notYetServed(message)),
          name,
        ).toEqual([]);
      }
    },
  );
});
