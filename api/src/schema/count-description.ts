// The prisma plugin adds `totalCount` to every connection it builds, with no way to describe it
// in the connection's options; every field of the contract is described, so this one is too.
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';

export class CountDescriptionPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    if (fieldConfig.description || !fieldConfig.extensions?.pothosPrismaTotalCount) return fieldConfig;
    return {
      ...fieldConfig,
      description: 'How many items the whole list holds (with its filter), not only this page.',
    };
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      countDescription: CountDescriptionPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin('countDescription', CountDescriptionPlugin);

export default 'countDescription' as const;
