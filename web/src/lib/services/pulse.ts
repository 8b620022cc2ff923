// Team pulse actions: teams and rounds (ADMIN), answering (every staff member), flagging a concern.
import type { Client } from '@urql/core';
import { mutate, type Outcome } from '$lib/graphql/mutate';
import {
  ANSWER_PULSE,
  CLOSE_PULSE_ROUND,
  CREATE_TEAM,
  FLAG_CONCERN,
  OPEN_PULSE_ROUND,
  UPDATE_PULSE_SETTINGS,
  UPDATE_TEAM,
} from '$lib/graphql/documents';
import type { PulseRound, PulseSettings, Team } from '$lib/graphql/types';

export function handleCreateTeam(client: Client, input: { name: string; memberIds: string[] }): Promise<Outcome<Team>> {
  return mutate(client, CREATE_TEAM, { input }, 'createTeam');
}

export function handleUpdateTeam(
  client: Client,
  input: { id: string; name: string; memberIds: string[] },
): Promise<Outcome<Team>> {
  return mutate(client, UPDATE_TEAM, { input }, 'updateTeam');
}

/** Saves the pulse settings; the API refuses a threshold below 3 with the field's path. */
export function handleSavePulseSettings(
  client: Client,
  pulse: PulseSettings,
): Promise<Outcome<{ pulse: PulseSettings }>> {
  const settings = { pulse: { ...pulse, openDays: Number(pulse.openDays), threshold: Number(pulse.threshold) } };
  return mutate(client, UPDATE_PULSE_SETTINGS, { settings }, 'updateOrganizationSettings');
}

export function handleOpenPulseRound(client: Client): Promise<Outcome<PulseRound>> {
  return mutate(client, OPEN_PULSE_ROUND, {}, 'openPulseRound');
}

export function handleClosePulseRound(client: Client, id: string): Promise<Outcome<PulseRound>> {
  return mutate(client, CLOSE_PULSE_ROUND, { id }, 'closePulseRound');
}

export function handleAnswerPulse(
  client: Client,
  input: { token: string; enps: number; answers: number[]; comment: string },
): Promise<Outcome<{ id: string; answered: number }>> {
  return mutate(client, ANSWER_PULSE, { input: { ...input, comment: input.comment.trim() || null } }, 'answerPulse');
}

export function handleFlagConcern(client: Client, customerId: string, note: string): Promise<Outcome<{ id: string }>> {
  return mutate(client, FLAG_CONCERN, { input: { customer: { id: customerId }, note } }, 'flagConcern');
}
