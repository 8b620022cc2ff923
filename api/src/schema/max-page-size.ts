// A connection's `first` or `last` is at most N: a larger page is refused, not silently cut, so a
// partner sees at once why they got fewer rows than they asked for.
import { Kind, visit, GraphQLError, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** Which way a page is asked for, and the cursor that pages on in that direction. */
const PAGE_ARGUMENTS = new Map([
  ['first', 'after'],
  ['last', 'before'],
]);

function largestPage(document: DocumentNode, variables: Record<string, unknown> | undefined) {
  let largest = { argument: 'first', size: 0 };
  visit(document, {
    Argument(node) {
      if (!PAGE_ARGUMENTS.has(node.name.value)) return;
      const size =
        node.value.kind === Kind.INT
          ? Number(node.value.value)
          : node.value.kind === Kind.VARIABLE
            ? Number(variables?.[node.value.name.value] ?? 0)
            : 0;
      if (size > largest.size) largest = { argument: node.name.value, size };
    },
  });
  return largest;
}

export function useMaxPageSize(max: number): Plugin {
  const check = (document: DocumentNode, variables: Record<string, unknown> | undefined) => {
    const { argument, size } = largestPage(document, variables);
    return size > max
      ? new GraphQLError(
          `A page holds at most ${max} items: \`${argument}: ${size}\` is too many; page with \`${PAGE_ARGUMENTS.get(argument)}\`.`,
          { extensions: { code: 'BAD_USER_INPUT' } },
        )
      : undefined;
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const error = check(args.document, args.variableValues ?? undefined);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const error = check(args.document, args.variableValues ?? undefined);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}
