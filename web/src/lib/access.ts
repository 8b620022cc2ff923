// What each role may do in the dashboard (PRODUCT.md "Access"): VIEWER reads; AGENT also records
// events and works incidents; MANAGER also manages rewards, surveys and alerts and reads the team pulse; ADMIN also users,
// keys and settings. The API enforces the same; the dashboard hides what a role cannot do.
import type { Role } from '$lib/graphql/types';

const RANK: Record<Role, number> = { VIEWER: 0, AGENT: 1, MANAGER: 2, ADMIN: 3 };

export type Ability =
  'recordEvents' | 'workIncidents' | 'manageAlerts' | 'manageRewards' | 'manageSurveys' | 'readPulse' | 'administer';

const LEAST: Record<Ability, Role> = {
  recordEvents: 'AGENT',
  workIncidents: 'AGENT',
  manageAlerts: 'MANAGER',
  manageRewards: 'MANAGER',
  manageSurveys: 'MANAGER',
  // Pulse results and the service chain: managers and up; every staff member answers.
  readPulse: 'MANAGER',
  administer: 'ADMIN',
};

export function can(role: Role | undefined | null, ability: Ability): boolean {
  return role !== undefined && role !== null && RANK[role] >= RANK[LEAST[ability]];
}
