import type { CustomerSatisfied } from '../types.ts';

/** The customer's own word on an incident, from a CSAT answer: 4–5 YES, 1–2 NO, 3 UNKNOWN. */
export function csatSatisfaction(score: number): CustomerSatisfied {
  if (score >= 4) return 'YES';
  if (score <= 2) return 'NO';
  return 'UNKNOWN';
}
