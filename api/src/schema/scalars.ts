import { DateTimeResolver, JSONResolver, SafeIntResolver } from 'graphql-scalars';
import { builder } from './builder.ts';

builder.addScalarType('DateTime', DateTimeResolver, {
  description: 'A moment in UTC, ISO 8601 (2026-01-03T10:00:00Z).',
});
builder.addScalarType('JSON', JSONResolver, { description: 'Any JSON value.' });
builder.addScalarType('SafeInt', SafeIntResolver, {
  description: 'An integer within ±(2^53 − 1): money in minor units.',
});
