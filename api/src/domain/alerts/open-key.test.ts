import { describe, expect, it } from 'vitest';
import type { AlertKind } from '../types.ts';
import { alertOpenKey } from './open-key.ts';

describe('the open key: at most one open alert per kind and customer (or incident)', () => {
  it.each<[AlertKind, string | null, string]>([
    ['CHURN_RISK', null, 'CHURN_RISK:cus_1'],
    ['TWO_STRIKES', null, 'TWO_STRIKES:cus_1'],
    ['TWO_STRIKES', 'inc_9', 'TWO_STRIKES:cus_1'],
    ['IGNORED', null, 'IGNORED:cus_1'],
    ['DETRACTOR', null, 'DETRACTOR:cus_1'],
    ['INCIDENT', 'inc_9', 'INCIDENT:cus_1:inc_9'],
    ['SLA_BREACH', 'inc_9', 'SLA_BREACH:cus_1:inc_9'],
  ])('a %s alert (incident %s) has the key %s', (kind, incidentId, expected) => {
    expect(alertOpenKey({ kind, customerId: 'cus_1', incidentId })).toBe(expected);
  });

  it('two incidents of one customer get two keys', () => {
    expect(alertOpenKey({ kind: 'INCIDENT', customerId: 'c', incidentId: 'a' })).not.toBe(
      alertOpenKey({ kind: 'INCIDENT', customerId: 'c', incidentId: 'b' }),
    );
  });

  it.each<AlertKind>(['INCIDENT', 'SLA_BREACH'])('a %s alert without its incident is a programming error', (kind) => {
    expect(() => alertOpenKey({ kind, customerId: 'cus_1' })).toThrow('needs the incident');
  });
});
