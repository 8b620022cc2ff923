// Settings' actions (ADMIN): API keys, users and the organization's settings.
import type { Client } from '@urql/core';
import { mutate, type Outcome } from '$lib/graphql/mutate';
import {
  CREATE_API_KEY,
  CREATE_MEMBER_SIGNING_SECRET,
  CREATE_USER,
  DEACTIVATE_USER,
  REVOKE_API_KEY,
  UPDATE_ORGANIZATION_SETTINGS,
  UPDATE_SURVEY_TRIGGERS,
  UPDATE_MESSAGE_SENDER,
  UPDATE_USER,
} from '$lib/graphql/documents';
import {
  ENGAGEMENT_PARTS,
  RISK_WEIGHTS,
  type ApiKey,
  type ApiKeyScope,
  type Locale,
  type OrganizationSettings,
  type Role,
  type StaffUser,
  type SurveyTriggers,
} from '$lib/graphql/types';

export function handleCreateApiKey(
  client: Client,
  input: { name: string; scopes: ApiKeyScope[] },
): Promise<Outcome<{ apiKey: ApiKey; secret: string }>> {
  return mutate(client, CREATE_API_KEY, { input }, 'createApiKey');
}

/** A new member signing secret, shown once; the one before stops verifying at once. */
export function handleCreateMemberSigningSecret(
  client: Client,
): Promise<Outcome<{ secret: string; createdAt: string }>> {
  return mutate(client, CREATE_MEMBER_SIGNING_SECRET, {}, 'createMemberSigningSecret');
}

export function handleRevokeApiKey(client: Client, id: string): Promise<Outcome<ApiKey>> {
  return mutate(client, REVOKE_API_KEY, { id }, 'revokeApiKey');
}

export function handleSaveSettings(
  client: Client,
  settings: OrganizationSettings,
): Promise<Outcome<OrganizationSettings>> {
  return mutate(
    client,
    UPDATE_ORGANIZATION_SETTINGS,
    { settings: settingsInput(settings) },
    'updateOrganizationSettings',
  );
}

/** Saves the survey triggers; an empty survey choice turns its trigger off (null). */
export function handleSaveSurveyTriggers(
  client: Client,
  triggers: SurveyTriggers,
): Promise<Outcome<{ surveyTriggers: SurveyTriggers }>> {
  return mutate(
    client,
    UPDATE_SURVEY_TRIGGERS,
    {
      settings: {
        surveyTriggers: {
          ...triggers,
          csatAfterResolveSurveyId: triggers.csatAfterResolveSurveyId || null,
          npsSurveyId: triggers.npsSurveyId || null,
          csatDelayMinutes: Number(triggers.csatDelayMinutes),
          npsEveryMonths: Number(triggers.npsEveryMonths),
          surveyCooldownDays: Number(triggers.surveyCooldownDays),
        },
      },
    },
    'updateOrganizationSettings',
  );
}

/** The settings as OrganizationSettingsInput: named fields only, so nothing the API added on output is sent back. */
export function settingsInput(settings: OrganizationSettings): Record<string, unknown> {
  const { loyalty, risk, engagement, slaHours, contactCap } = settings;
  return {
    defaultLocale: settings.defaultLocale,
    defaultCurrency: settings.defaultCurrency,
    loyalty: {
      earnRates: loyalty.earnRates.map(({ currency, points, per }) => ({
        currency,
        points: Number(points),
        per: Number(per),
      })),
      pointsExpiryMonths: Number(loyalty.pointsExpiryMonths),
      tierThresholds: { SILVER: Number(loyalty.tierThresholds.SILVER), GOLD: Number(loyalty.tierThresholds.GOLD) },
    },
    risk: {
      ...Object.fromEntries(RISK_WEIGHTS.map((key) => [key, Number(risk[key])])),
      levels: {
        MEDIUM: Number(risk.levels.MEDIUM),
        HIGH: Number(risk.levels.HIGH),
        CRITICAL: Number(risk.levels.CRITICAL),
      },
    },
    engagement: Object.fromEntries(
      ENGAGEMENT_PARTS.map((part) => [
        part,
        { each: Number(engagement[part].each), max: Number(engagement[part].max) },
      ]),
    ),
    satisfactionHalfLifeDays: Number(settings.satisfactionHalfLifeDays),
    slaHours: {
      LOW: Number(slaHours.LOW),
      MEDIUM: Number(slaHours.MEDIUM),
      HIGH: Number(slaHours.HIGH),
      CRITICAL: Number(slaHours.CRITICAL),
    },
    contactCap: { max: Number(contactCap.max), days: Number(contactCap.days) },
  };
}

/** Without a password the API generates one and returns it once, as `initialPassword`. */
export function handleCreateUser(
  client: Client,
  input: { email: string; name: string; role: Role; locale: Locale; password: string },
): Promise<Outcome<{ user: StaffUser; initialPassword: string | null }>> {
  return mutate(client, CREATE_USER, { input: { ...input, password: input.password || undefined } }, 'createUser');
}

export function handleUpdateUser(
  client: Client,
  id: string,
  change: { role?: Role; locale?: Locale },
): Promise<Outcome<StaffUser>> {
  return mutate(client, UPDATE_USER, { input: { id, ...change } }, 'updateUser');
}

export function handleDeactivateUser(client: Client, id: string): Promise<Outcome<StaffUser>> {
  return mutate(client, DEACTIVATE_USER, { id }, 'deactivateUser');
}

/** Copies a secret to the clipboard; false when the browser refuses (no permission, no HTTPS). */
export async function handleCopy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export interface MessageSender {
  name: string | null;
  replyTo: string | null;
}

/** An emptied field goes back to the default (the server's sender name, no reply-to). */
export function handleSaveMessageSender(
  client: Client,
  sender: MessageSender,
): Promise<Outcome<{ messageSender: MessageSender }>> {
  return mutate(
    client,
    UPDATE_MESSAGE_SENDER,
    { settings: { messageSender: { name: sender.name?.trim() || null, replyTo: sender.replyTo?.trim() || null } } },
    'updateOrganizationSettings',
  );
}
