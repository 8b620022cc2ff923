// Applies the authorization matrix (auth/access.ts) to every Query, Mutation and Subscription
// field, so a root field cannot be added without a rule: one missing from the matrix is refused.
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';

const ROOT_KINDS = new Set(['Query', 'Mutation', 'Subscription']);

export class AccessPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    if (!ROOT_KINDS.has(fieldConfig.kind)) return fieldConfig;
    const pothosOptions = {
      ...fieldConfig.pothosOptions,
      authScopes: { access: `${fieldConfig.parentType}.${fieldConfig.name}` },
    };
    return { ...fieldConfig, pothosOptions } as PothosOutputFieldConfig<Types>;
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      access: AccessPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin('access', AccessPlugin);

export default 'access' as const;
