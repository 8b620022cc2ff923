// Every enum of the contract, from the one definition in the Prisma schema.
import * as Enums from '../domain/types.ts';
import { builder } from './builder.ts';

export const RoleEnum = builder.enumType(Enums.Role, { name: 'Role' });
export const ApiKeyScopeEnum = builder.enumType(Enums.ApiKeyScope, { name: 'ApiKeyScope' });
export const CustomerKindEnum = builder.enumType(Enums.CustomerKind, { name: 'CustomerKind' });
export const LocaleEnum = builder.enumType(Enums.Locale, { name: 'Locale' });
export const TierEnum = builder.enumType(Enums.Tier, { name: 'Tier' });
export const RiskLevelEnum = builder.enumType(Enums.RiskLevel, { name: 'RiskLevel' });
export const ChannelEnum = builder.enumType(Enums.Channel, { name: 'Channel' });
export const DirectionEnum = builder.enumType(Enums.Direction, { name: 'Direction' });
export const InteractionKindEnum = builder.enumType(Enums.InteractionKind, { name: 'InteractionKind' });
export const PointsEntryKindEnum = builder.enumType(Enums.PointsEntryKind, { name: 'PointsEntryKind' });
export const RewardKindEnum = builder.enumType(Enums.RewardKind, { name: 'RewardKind' });
export const RedemptionStatusEnum = builder.enumType(Enums.RedemptionStatus, { name: 'RedemptionStatus' });
export const SurveyKindEnum = builder.enumType(Enums.SurveyKind, { name: 'SurveyKind' });
export const IncidentCategoryEnum = builder.enumType(Enums.IncidentCategory, { name: 'IncidentCategory' });
export const IncidentSeverityEnum = builder.enumType(Enums.IncidentSeverity, { name: 'IncidentSeverity' });
export const IncidentStatusEnum = builder.enumType(Enums.IncidentStatus, { name: 'IncidentStatus' });
export const CustomerSatisfiedEnum = builder.enumType(Enums.CustomerSatisfied, { name: 'CustomerSatisfied' });
export const AlertKindEnum = builder.enumType(Enums.AlertKind, { name: 'AlertKind' });
export const AlertSeverityEnum = builder.enumType(Enums.AlertSeverity, { name: 'AlertSeverity' });
export const AlertStatusEnum = builder.enumType(Enums.AlertStatus, { name: 'AlertStatus' });
export const ImportKindEnum = builder.enumType(Enums.ImportKind, { name: 'ImportKind' });
export const ImportStatusEnum = builder.enumType(Enums.ImportStatus, { name: 'ImportStatus' });
export const AuditActorKindEnum = builder.enumType(Enums.AuditActorKind, { name: 'AuditActorKind' });
