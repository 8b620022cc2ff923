import { expect, it } from 'vitest';
import { csatSatisfaction } from './csat-satisfaction.ts';

it.each([
  [5, 'YES'],
  [4, 'YES'],
  [3, 'UNKNOWN'],
  [2, 'NO'],
  [1, 'NO'],
] as const)('a CSAT answer of %i says the customer was satisfied: %s', (score, satisfied) => {
  expect(csatSatisfaction(score)).toBe(satisfied);
});
