// A connection's `first` is at most N: a larger page is refused, not silently cut, so a partner
// sees at once why they got fewer rows than they asked for.
import { Kind, visit, GraphQLError, type DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';

function largestFirst(document: DocumentNode, variables: Record<string, unknown> | undefined): number {
  let largest = 0;
  visit(document, {
    Argument(node) {
      if (node.name.value !== 'first') return;
      const value =
        node.value.kind === Kind.INT
          ? Number(node.value.value)
          : node.value.kind === Kind.VARIABLE
            ? Number(variables?.[node.value.name.value] ?? 0)
            : 0;
      largest = Math.max(largest, value);
    },
  });
  return largest;
}

export function useMaxPageSize(max: number): Plugin {
  const check = (document: DocumentNode, variables: Record<string, unknown> | undefined) => {
    const asked = largestFirst(document, variables);
    return asked > max
      ? new GraphQLError(`A page holds at most ${max} items: \`first: ${asked}\` is too many; page with \`after\`.`, {
          extensions: { code: 'BAD_USER_INPUT' },
        })
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
