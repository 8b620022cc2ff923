// Applies the authorization matrix (auth/access.ts) to every Query, Mutation and Subscription
// field, so a root field cannot be added without a rule: one missing from the matrix is refused.
// Every other field of a guarded type follows READ_ACCESS, so what a caller may read does not
// depend on the path that reached the object.
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import { readGuard } from '../auth/access.ts';

const ROOT_KINDS = new Set(['Query', 'Mutation', 'Subscription']);

export class AccessPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    const guard = ROOT_KINDS.has(fieldConfig.kind)
      ? { access: `${fieldConfig.parentType}.${fieldConfig.name}` }
      : readGuard(fieldConfig.parentType, fieldConfig.name) && { read: fieldConfig.parentType };
    if (!guard) return fieldConfig;
    const pothosOptions = { ...fieldConfig.pothosOptions, authScopes: guard };
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
