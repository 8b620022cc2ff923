// Every background job, in the order a round runs them.
import type { Job } from './scheduler.ts';
import { forgetExpiredKeys } from '../services/idempotency.service.ts';
import { forgetOldEvents } from '../services/event-log.service.ts';
import { pruneAuditLog } from '../services/audit.service.ts';
import { recomputeDueCustomers } from '../services/recompute.service.ts';
import { refreshTopSpendThresholds } from '../services/top-spenders.service.ts';
import { expirePoints } from '../services/points-expiry.service.ts';
import { endExpiredSessions } from '../services/session.service.ts';
import { forgetIdleSignInKeys } from '../services/sign-in-throttle.service.ts';
import { expireInvitations, sendDueMessages } from '../services/message.service.ts';
import { scheduleNpsInvitations } from '../services/invitation.service.ts';
import { forgetOldRateLimits } from '../services/rate-limit.service.ts';
import { runPulseRounds } from '../services/pulse.service.ts';
import { resumeStalledImports } from '../services/import.service.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

export const JOBS: Job[] = [
  {
    // Before the recompute, so tiers see the points as they are now. Spends expire their own
    // customer's due points; this catches everyone else's.
    name: 'expire-points',
    everyMs: 5 * MINUTE,
    leaseMs: 10 * MINUTE,
    run: async (now) => {
      await expirePoints(now);
    },
  },
  {
    // Before the recompute, whose IGNORED alerts weigh the stakes by it. A year of purchases per
    // organization: a quarter of an hour late is on time for who the biggest spenders are.
    name: 'refresh-top-spend-thresholds',
    everyMs: 15 * MINUTE,
    leaseMs: 10 * MINUTE,
    run: async (now) => {
      await refreshTopSpendThresholds(now);
    },
  },
  {
    name: 'recompute-due-customers',
    everyMs: MINUTE,
    leaseMs: 10 * MINUTE,
    run: async (now) => {
      await recomputeDueCustomers(now);
    },
  },
  {
    // Before the outbox, so invitations due this morning go out in the same round.
    name: 'schedule-nps-invitations',
    everyMs: 15 * MINUTE,
    leaseMs: 10 * MINUTE,
    run: async (now) => {
      await scheduleNpsInvitations(now);
    },
  },
  {
    // Closes rounds whose time is up, reminds half-way and opens the month's round: minutes late is
    // on time. Before the outbox, so its invitations and reminders go out in the same round.
    name: 'pulse-rounds',
    everyMs: 5 * MINUTE,
    leaseMs: 10 * MINUTE,
    run: async (now) => {
      await runPulseRounds(now);
    },
  },
  {
    name: 'send-messages',
    everyMs: 10 * SECOND,
    leaseMs: 10 * MINUTE,
    run: async (now) => {
      await sendDueMessages(now);
      await expireInvitations(now);
    },
  },
  {
    name: 'forget-idempotency-keys',
    everyMs: 60 * MINUTE,
    leaseMs: 10 * MINUTE,
    run: async (now) => {
      await forgetExpiredKeys(now);
    },
  },
  {
    name: 'forget-old-events',
    everyMs: 60 * MINUTE,
    leaseMs: 10 * MINUTE,
    run: async (now) => {
      await forgetOldEvents(now);
    },
  },
  {
    // The only deletion the audit log's trigger lets through: entries past the 365 days it is kept.
    name: 'prune-audit-log',
    everyMs: 60 * MINUTE,
    leaseMs: 10 * MINUTE,
    run: async (now) => {
      await pruneAuditLog(now);
    },
  },
  {
    // Guesses over made-up emails leave a row each; once forgotten by the throttle they can go.
    name: 'forget-sign-in-throttle',
    everyMs: 60 * MINUTE,
    leaseMs: 10 * MINUTE,
    run: async (now) => {
      await forgetIdleSignInKeys(now);
    },
  },
  {
    name: 'forget-rate-limits',
    everyMs: 60 * MINUTE,
    leaseMs: 10 * MINUTE,
    run: async () => {
      await forgetOldRateLimits();
    },
  },
  {
    // An import a dead instance left applying goes on here (and when an instance starts).
    name: 'resume-imports',
    everyMs: MINUTE,
    leaseMs: MINUTE,
    run: async (now) => {
      await resumeStalledImports(now);
    },
  },
  {
    // Every 2 seconds, so that the open sockets and streams of a session that expires close within 5.
    name: 'end-expired-sessions',
    everyMs: 2 * SECOND,
    leaseMs: MINUTE,
    run: async (now) => {
      await endExpiredSessions(now);
    },
  },
];
