// The dashboard's documents typed from the API's committed schema: graphql-env.d.ts is its
// introspection (regenerate with `npx gql.tada generate output` in web/ after api/schema.graphql
// changes; tada.test.ts fails until then).
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

export const graphql = initGraphQLTada<{
  introspection: introspection;
  // What the API's scalars are on the wire (JSON): dates as ISO strings.
  scalars: { DateTime: string; JSON: unknown; SafeInt: number; File: File };
  // A fragment's fields stay in the result of the document that spreads it, so a page reads
  // `alert.customer.name` without readFragment.
  disableMasking: true;
}>();

export type { ResultOf, VariablesOf, TadaDocumentNode } from 'gql.tada';

/** An enum's values as the schema lists them: `SchemaEnum<'Tier'>` is 'BRONZE' | 'SILVER' | 'GOLD'. */
export type SchemaEnum<Name extends string> = ReturnType<typeof graphql.scalar<Name>>;
