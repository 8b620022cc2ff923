// Every message to a customer (PRODUCT.md "Outreach"), and the few to staff (staff-message.service.ts,
// which share the queue and the worker but not the care rules): queued in the transaction of the change that
// caused it (queueMessages), sent by the outbox worker (sendDueMessages) through the care rules.
// - Several instances: a message is claimed with a lease (FOR UPDATE SKIP LOCKED), so only one
//   instance sends it; one whose instance died is taken again when the lease ends.
// - The decision and the send happen in one transaction under the customer's lock: the contact cap
//   counts what was sent, and a blocked message is SKIPPED with its reasons, never dropped.
// - A failed send is retried with backoff (the lease is the retry time), then FAILED with the
//   server's answer.
// - Email goes over SMTP when SMTP_URL is set, and the copy staff read has its links masked;
//   without SMTP the built-in outbox is the delivery and shows live links. SMS is handed to the
//   partner as a `message.requested` event.
import { createHash, randomUUID } from 'node:crypto';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { Prisma } from '../generated/prisma/client.ts';
import { derivedToken } from '../auth/tokens.ts';

import type { TenantTx } from '../db/client.ts';
import { mayDeliver, interactionKindOf } from '../domain/messages/may-deliver.ts';
import type { SkipReason } from '../domain/messages/skip-reason.ts';
import { renderMessage, type MessageContent, type MessageLinks } from '../domain/messages/render-message.ts';
import { settingsOf } from '../domain/settings.ts';
import { DAY_MS } from '../domain/time/duration.ts';
import type { Channel, CustomerMessageKind } from '../domain/types.ts';
import { runtime } from '../runtime.ts';
import { contactFacts } from './contact.service.ts';
import { emit } from './event-log.service.ts';
import { lockCustomers } from './ledger.service.ts';
import { mailerFor } from './mailer.ts';
import { deliverToStaff } from './staff-message.service.ts';
import { createMemberLink } from './member-access.service.ts';
import { writeTransaction } from './transaction.service.ts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface QueueMessageInput {
  customerId: string;
  kind: CustomerMessageKind;
  channel: Channel;
  /** What it says; the organization's and the customer's names are filled in. */
  content: DistributiveOmit<MessageContent, 'organizationName' | 'customerName'>;
  /** Default: now. */
  scheduledFor?: Date;
}

const MINUTE_MS = 60_000;
/** How long a claimed message is this instance's: longer than one send takes. */
const LEASE_MS = 2 * MINUTE_MS;
const BATCH = 50;
export const MAX_ATTEMPTS = 5;
/** An invitation's answer link works this long after it is sent. */
export const INVITATION_DAYS = 30;

/** Retry after 1, 4, 16 and 64 minutes. */
const backoffMs = (attempts: number) => MINUTE_MS * 4 ** (attempts - 1);

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** `<public url>/a/<token>`; without a token, the masked link of a copy staff read. */
export function answerLink(token: string | null): string {
  return `${runtime().config.publicUrl}/a/${token ?? '••••••'}`;
}

/**
 * Queues messages in the caller's write transaction (its customers are locked or need not be:
 * this only inserts rows that refer to them). Rendered now, in each customer's locale, with masked
 * links; the worker renders the live links when it sends. Returns the messages' ids, in order.
 */
export async function queueMessages(
  tx: TenantTx,
  organizationId: string,
  messages: QueueMessageInput[],
  now: Date,
): Promise<string[]> {
  if (messages.length === 0) return [];
  const [organization, customers] = await Promise.all([
    tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true } }),
    tx.customer.findMany({
      where: { id: { in: [...new Set(messages.map((message) => message.customerId))] } },
      select: { id: true, name: true, locale: true },
    }),
  ]);
  const byId = new Map(customers.map((customer) => [customer.id, customer]));
  const rows = messages.map((message) => {
    const customer = byId.get(message.customerId)!;
    const content = {
      ...message.content,
      organizationName: organization.name,
      customerName: customer.name,
    } as MessageContent;
    const rendered = renderMessage(content, customer.locale, linksOf(content, null));
    return {
      id: randomUUID(),
      organizationId,
      customerId: message.customerId,
      kind: message.kind,
      channel: message.channel,
      locale: customer.locale,
      content: content as object,
      scheduledFor: message.scheduledFor ?? now,
      subject: message.channel === 'EMAIL' ? rendered.subject : null,
      body: rendered.text,
      html: message.channel === 'EMAIL' ? rendered.html : null,
      createdAt: now,
    };
  });
  await tx.message.createMany({ data: rows });
  return rows.map((row) => row.id);
}

/** The links a message carries: live when it is sent, masked (`token` null) in the copy made when queued. */
function linksOf(content: MessageContent, token: string | null, memberLink?: string): MessageLinks {
  if (content.template === 'SURVEY_INVITE') return { answer: answerLink(token) };
  if (content.template === 'MEMBER_LINK') return { member: memberLink ?? `${runtime().config.publicUrl}/m/••••••` };
  return {};
}

/** Sends what is due, batch after batch, until nothing is left (the job's lease is held). Returns how many were handled. */
export async function sendDueMessages(now: Date): Promise<number> {
  let handled = 0;
  for (;;) {
    const claimed = await claimDue(now);
    for (const message of claimed) await deliver(message, now);
    handled += claimed.length;
    if (claimed.length < BATCH) return handled;
  }
}

interface Claimed {
  id: string;
  organizationId: string;
  attempts: number;
}

async function claimDue(now: Date): Promise<Claimed[]> {
  const until = new Date(now.getTime() + LEASE_MS);
  return runtime().db.acrossOrganizations.$queryRaw<Claimed[]>(Prisma.sql`
    UPDATE "Message" m SET "leaseUntil" = ${until}, attempts = m.attempts + 1
    FROM (SELECT id FROM "Message"
          WHERE status = 'SCHEDULED' AND "scheduledFor" <= ${now} AND ("leaseUntil" IS NULL OR "leaseUntil" <= ${now})
          ORDER BY "scheduledFor", id LIMIT ${BATCH}
          FOR UPDATE SKIP LOCKED) due
    WHERE m.id = due.id
    RETURNING m.id, m."organizationId", m.attempts`);
}

/** Why a scheduled invitation no longer goes out, checked again at send time; null when it does. */
function cancelled(invitation: { survey: { active: boolean }; incident: { status: string } | null } | null) {
  if (!invitation) return null;
  if (!invitation.survey.active) return 'SURVEY_CLOSED' satisfies SkipReason;
  if (invitation.incident && !['RESOLVED', 'CLOSED'].includes(invitation.incident.status))
    return 'INCIDENT_REOPENED' satisfies SkipReason;
  return null;
}

async function deliver({ id, organizationId, attempts }: Claimed, now: Date): Promise<void> {
  const { db, config, log } = runtime();
  const mailer = mailerFor(config);
  try {
    await writeTransaction(organizationId, async (tx) => {
      const head = await tx.message.findUniqueOrThrow({ where: { id }, select: { customerId: true } });
      if (!head.customerId) return deliverToStaff(tx, id, attempts, mailer, now);
      const customerId = head.customerId;
      await lockCustomers(tx, organizationId, [customerId]);
      const message = await tx.message.findUniqueOrThrow({
        where: { id },
        include: {
          customer: { select: { email: true, phone: true } },
          organization: { select: { settings: true, invitationTokenSecret: true } },
          invitation: { include: { survey: { select: { active: true } }, incident: { select: { status: true } } } },
        },
      });
      // Another instance took it over after this one's lease ended: it is theirs now.
      if (message.status !== 'SCHEDULED' || message.attempts !== attempts) return;
      const invitation = message.invitation;
      const reason = cancelled(invitation);
      if (reason) {
        await tx.message.update({ where: { id }, data: { status: 'CANCELLED', reasons: [reason], leaseUntil: null } });
        if (invitation)
          await tx.surveyInvitation.update({ where: { id: invitation.id }, data: { status: 'CANCELLED' } });
        return;
      }
      const settings = settingsOf(message.organization.settings);
      const kind = message.kind as CustomerMessageKind;
      const customer = message.customer!;
      const advice = mayDeliver(
        { kind, channel: message.channel },
        customer,
        await contactFacts(tx, customerId, settings, now),
        settings,
        now,
      );
      if (!advice.allowed) {
        await tx.message.update({
          where: { id },
          data: { status: 'SKIPPED', reasons: advice.reasons, nextAllowedAt: advice.nextAllowedAt, leaseUntil: null },
        });
        if (invitation) await tx.surveyInvitation.update({ where: { id: invitation.id }, data: { status: 'SKIPPED' } });
        return;
      }
      // Derived, not random: the customer's own page can show the same link again.
      const token = invitation ? derivedToken(message.organization.invitationTokenSecret, invitation.id) : null;
      const content = message.content as MessageContent;
      // A member link's 30 minutes start when it goes out, not when it was asked for.
      const memberLink = content.template === 'MEMBER_LINK' ? await createMemberLink(tx, customerId, now) : undefined;
      const live = renderMessage(content, message.locale, linksOf(content, token, memberLink));
      let stored = { subject: message.subject, body: message.body, html: message.html };
      if (message.channel === 'SMS') {
        emit(tx, 'message.requested', {
          message: encodeGlobalID('Message', id),
          customer: encodeGlobalID('Customer', customerId),
          kind: message.kind,
          channel: 'SMS',
          to: customer.phone!,
          body: live.text,
        });
      } else if (mailer) {
        await mailer.send({
          to: customer.email!,
          subject: live.subject,
          text: live.text,
          html: live.html,
          messageId: id,
          sender: settings.messageSender,
        });
      } else {
        stored = { subject: live.subject, body: live.text, html: live.html };
      }
      await tx.message.update({
        where: { id },
        data: { ...stored, status: 'SENT', sentAt: now, reasons: [], leaseUntil: null },
      });
      if (invitation) {
        await tx.surveyInvitation.update({
          where: { id: invitation.id },
          data: {
            status: 'SENT',
            sentAt: now,
            expiresAt: new Date(now.getTime() + INVITATION_DAYS * DAY_MS),
            tokenHash: hashToken(token!),
          },
        });
      }
      await tx.interaction.create({
        data: {
          organizationId,
          customerId,
          channel: message.channel,
          direction: 'OUTBOUND',
          kind: interactionKindOf(kind),
          personal: false,
          occurredAt: now,
          note: stored.subject,
        },
      });
    });
  } catch (error) {
    const answer = (error as { response?: string }).response ?? (error as Error).message;
    log.warn('a message was not sent', { message: id, attempts, answer });
    const tenant = db.forOrganization(organizationId);
    const failed = attempts >= MAX_ATTEMPTS;
    await tenant.message.updateMany({
      where: { id, status: 'SCHEDULED', attempts },
      data: failed
        ? { status: 'FAILED', reasons: [answer], leaseUntil: null }
        : { reasons: [answer], leaseUntil: new Date(now.getTime() + backoffMs(attempts)) },
    });
    if (failed) await tenant.surveyInvitation.updateMany({ where: { messageId: id }, data: { status: 'CANCELLED' } });
  }
}

/** Invitations whose link has run out: EXPIRED, one statement for every organization. */
export async function expireInvitations(now: Date): Promise<number> {
  return runtime().db.acrossOrganizations.$executeRaw(Prisma.sql`
    UPDATE "SurveyInvitation" SET status = 'EXPIRED' WHERE status = 'SENT' AND "expiresAt" <= ${now}`);
}
