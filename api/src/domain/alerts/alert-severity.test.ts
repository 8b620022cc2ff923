import { describe, expect, it } from 'vitest';
import type { AlertSeverity } from '../types.ts';
import { alertSeverity, type AlertSeverityInput } from './alert-severity.ts';

describe('alert severities', () => {
  it.each<[string, AlertSeverityInput, AlertSeverity | null]>([
    ['a churn risk rising to HIGH is a WARNING', { kind: 'CHURN_RISK', level: 'HIGH' }, 'WARNING'],
    ['a churn risk rising to CRITICAL is CRITICAL', { kind: 'CHURN_RISK', level: 'CRITICAL' }, 'CRITICAL'],
    ['a MEDIUM churn risk raises no alert', { kind: 'CHURN_RISK', level: 'MEDIUM' }, null],
    ['two strikes are CRITICAL', { kind: 'TWO_STRIKES' }, 'CRITICAL'],
    ['a CRITICAL incident is CRITICAL', { kind: 'INCIDENT', incidentSeverity: 'CRITICAL' }, 'CRITICAL'],
    ['a HIGH incident is a WARNING', { kind: 'INCIDENT', incidentSeverity: 'HIGH' }, 'WARNING'],
    ['a MEDIUM incident raises no alert', { kind: 'INCIDENT', incidentSeverity: 'MEDIUM' }, null],
    ['a LOW incident raises no alert', { kind: 'INCIDENT', incidentSeverity: 'LOW' }, null],
    ['a breached SLA is a WARNING', { kind: 'SLA_BREACH' }, 'WARNING'],
    ['an ignored customer is INFO', { kind: 'IGNORED', topSpender: false }, 'INFO'],
    ['an ignored top-10% spender is a WARNING: the stakes', { kind: 'IGNORED', topSpender: true }, 'WARNING'],
    ['a detractor is a WARNING', { kind: 'DETRACTOR' }, 'WARNING'],
  ])('%s', (_name, input, expected) => {
    expect(alertSeverity(input)).toBe(expected);
  });
});
