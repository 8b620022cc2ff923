import { describe, expect, test } from 'vitest';
import { can } from './access';

describe('what each role may do in the dashboard', () => {
  test.each([
    ['VIEWER', [] as string[]],
    ['AGENT', ['recordEvents', 'workIncidents']],
    ['MANAGER', ['recordEvents', 'workIncidents', 'manageAlerts', 'manageRewards', 'manageSurveys', 'readPulse']],
    [
      'ADMIN',
      ['recordEvents', 'workIncidents', 'manageAlerts', 'manageRewards', 'manageSurveys', 'readPulse', 'administer'],
    ],
  ] as const)('%s may %j', (role, allowed) => {
    const abilities = [
      'recordEvents',
      'workIncidents',
      'manageAlerts',
      'manageRewards',
      'manageSurveys',
      'readPulse',
      'administer',
    ] as const;
    expect(abilities.filter((ability) => can(role, ability))).toEqual(allowed);
  });

  test('nobody signed in may do anything', () => {
    expect(can(null, 'recordEvents')).toBe(false);
  });
});
