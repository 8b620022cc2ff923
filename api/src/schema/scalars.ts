import { GraphQLError, GraphQLScalarType } from 'graphql';
import { DateTimeResolver, JSONResolver, SafeIntResolver } from 'graphql-scalars';
import { builder } from './builder.ts';

builder.addScalarType('DateTime', DateTimeResolver, {
  description: 'A moment in UTC, ISO 8601 (2026-01-03T10:00:00Z).',
});
builder.addScalarType('JSON', JSONResolver, { description: 'Any JSON value.' });
builder.addScalarType('SafeInt', SafeIntResolver, {
  description: 'An integer within ±(2^53 − 1): money in minor units.',
});

// GraphQL multipart upload (Yoga reads the request's parts): the value is the uploaded file.
builder.addScalarType(
  'File',
  new GraphQLScalarType<File, never>({
    name: 'File',
    description: 'A file sent as a GraphQL multipart upload (graphql-multipart-request-spec).',
    parseValue: (value) => {
      // Yoga's own File (whatwg-node), not always Node's class: what matters is what it offers.
      if (isFile(value)) return value;
      throw new GraphQLError('Send the file as a part of a multipart request.');
    },
    parseLiteral: () => {
      throw new GraphQLError('A file cannot be written into the query: send it as a multipart part.');
    },
    serialize: () => {
      throw new GraphQLError('Files are uploaded, never returned.');
    },
  }),
);

function isFile(value: unknown): value is File {
  const candidate = value as Partial<File> | null;
  return typeof candidate?.stream === 'function' && typeof candidate.name === 'string';
}
