// Opens the audit scope around every mutation of a signed-in caller (staff, a key, a member): the
// writes it makes store an audit entry naming the mutation and the request (services/audit.service.ts).
// Reads open none, and an anonymous caller (sign-in, the answer page's token) none either.
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import type { GraphQLFieldResolver } from 'graphql';
import type { Context } from '../context.ts';
import { audited } from '../services/audit.service.ts';

export class AuditPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (fieldConfig.kind !== 'Mutation') return resolver;
    return (parent, args, context, info) => {
      const { caller, requestId } = context as Context;
      if (caller.kind === 'anonymous') return resolver(parent, args, context, info);
      return audited({ caller, operation: info.fieldName, requestId }, () => resolver(parent, args, context, info));
    };
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      audit: AuditPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin('audit', AuditPlugin);

export default 'audit' as const;
