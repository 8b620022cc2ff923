import { describe, expect, it } from 'vitest';
import type { RiskLevel } from '../types.ts';
import { decideChurnRiskAlert, type ChurnRiskAlertDecision } from './churn-risk-alert.ts';

describe('the CHURN_RISK alert as a customer’s level changes', () => {
  it.each<[RiskLevel | null, RiskLevel, ChurnRiskAlertDecision]>([
    [null, 'LOW', { action: 'NONE' }],
    [null, 'HIGH', { action: 'RAISE', severity: 'WARNING' }],
    ['LOW', 'MEDIUM', { action: 'NONE' }],
    ['LOW', 'HIGH', { action: 'RAISE', severity: 'WARNING' }],
    ['MEDIUM', 'HIGH', { action: 'RAISE', severity: 'WARNING' }],
    ['LOW', 'CRITICAL', { action: 'RAISE', severity: 'CRITICAL' }],
    ['MEDIUM', 'CRITICAL', { action: 'RAISE', severity: 'CRITICAL' }],
    ['HIGH', 'CRITICAL', { action: 'ESCALATE', severity: 'CRITICAL' }],
    ['HIGH', 'HIGH', { action: 'NONE' }],
    ['CRITICAL', 'CRITICAL', { action: 'NONE' }],
    ['CRITICAL', 'HIGH', { action: 'NONE' }],
    ['HIGH', 'MEDIUM', { action: 'RESOLVE' }],
    ['CRITICAL', 'LOW', { action: 'RESOLVE' }],
    ['MEDIUM', 'LOW', { action: 'NONE' }],
  ])('from %s to %s: %j', (previous, next, expected) => {
    expect(decideChurnRiskAlert(previous, next)).toEqual(expected);
  });
});
