// The schema is the partners' contract and documents itself: every type, field, argument, input
// field and enum value a partner can see carries a description (GraphiQL shows it beside the name).
import { expect, test } from 'vitest';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
} from 'graphql';
import { schema } from '../../api/src/schema/index.ts';

function undescribed(): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (!type.description?.trim()) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
        for (const argument of 'args' in field ? field.args : []) {
          if (!argument.description?.trim()) missing.push(`${type.name}.${field.name}(${argument.name}:)`);
        }
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) if (!value.description?.trim()) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing;
}

test('every public type, field, argument, input field and enum value has a description', () => {
  expect(undescribed()).toEqual([]);
});

test('a connection counts its whole list, and says so', () => {
  expect(schema.getType('QueryCustomersConnection')?.toConfig()).toMatchObject({
    fields: { totalCount: { description: expect.stringMatching(/whole list/) } },
  });
});
