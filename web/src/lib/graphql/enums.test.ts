// The enum lists in types.ts are typed against the schema, which keeps out a value it lacks;
// this keeps in every value it has, so a picker or filter never misses one the API added.
import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildSchema, isEnumType } from 'graphql';
import * as types from './types';

const schema = buildSchema(readFileSync(new URL('../../../../api/schema.graphql', import.meta.url), 'utf8'));

const lists: [keyof typeof types, string][] = [
  ['ALERT_KINDS', 'AlertKind'],
  ['ALERT_SEVERITIES', 'AlertSeverity'],
  ['RISK_LEVELS', 'RiskLevel'],
  ['TIERS', 'Tier'],
  ['ROLES', 'Role'],
  ['LOCALES', 'Locale'],
  ['CHANNELS', 'Channel'],
  ['DIRECTIONS', 'Direction'],
  ['INTERACTION_KINDS', 'InteractionKind'],
  ['INCIDENT_CATEGORIES', 'IncidentCategory'],
  ['INCIDENT_SEVERITIES', 'IncidentSeverity'],
  ['INCIDENT_STATUSES', 'IncidentStatus'],
  ['CUSTOMER_SATISFIED', 'CustomerSatisfied'],
  ['REWARD_KINDS', 'RewardKind'],
  ['SURVEY_KINDS', 'SurveyKind'],
  ['API_KEY_SCOPES', 'ApiKeyScope'],
  ['WEBHOOK_EVENT_TYPES', 'WebhookEventType'],
  ['AUDIT_ACTOR_KINDS', 'AuditActorKind'],
  ['IMPORT_KINDS', 'ImportKind'],
  ['CUSTOMER_KINDS', 'CustomerKind'],
];

test.each(lists)('%s lists every value of the enum %s', (list, name) => {
  const type = schema.getType(name);
  if (!isEnumType(type)) throw new Error(`${name} is not an enum of api/schema.graphql`);
  expect([...(types[list] as string[])].sort()).toEqual(
    type
      .getValues()
      .map((value) => value.name)
      .sort(),
  );
});
