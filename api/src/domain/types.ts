// The domain's vocabulary, shared by rules, services and the schema: the generated Prisma enums
// are the single definition of each name.
import type { MessageKind } from '../generated/prisma/enums.ts';

export {
  AlertKind,
  AlertSeverity,
  AlertStatus,
  ApiKeyScope,
  AuditActorKind,
  Channel,
  CustomerKind,
  CustomerSatisfied,
  Direction,
  ExperienceCause,
  ExperienceKind,
  IncidentCategory,
  IncidentSeverity,
  IncidentStatus,
  InvitationStatus,
  ImportKind,
  ImportStatus,
  InteractionKind,
  Locale,
  MessageKind,
  MessageStatus,
  PointsEntryKind,
  PulseRoundStatus,
  RedemptionStatus,
  RewardKind,
  RiskLevel,
  Role,
  SatisfactionSource,
  SurveyKind,
  Tier,
} from '../generated/prisma/enums.ts';

/** The messages Trofast sends to staff, not to customers: the care rules (consent, cap) are not theirs. */
export const STAFF_MESSAGE_KINDS = ['WEBHOOK_DISABLED', 'PULSE_INVITE', 'PULSE_REMINDER'] as const;
export type StaffMessageKind = (typeof STAFF_MESSAGE_KINDS)[number];
export type CustomerMessageKind = Exclude<MessageKind, StaffMessageKind>;
