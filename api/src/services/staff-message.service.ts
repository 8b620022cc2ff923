// Messages to staff (PRODUCT.md "Webhooks" and "Team pulse"): an endpoint Trofast disabled, to every
// ADMIN; a pulse round's invitation and its one reminder, to every active staff member. They ride
// the customers' outbox (the same rows, worker, lease and retries; SMTP or the built-in outbox) but
// not the care rules: consent, the contact cap and OUTBOUND interactions are about customers.
//
// The pulse stays anonymous: a pulse message holds its recipient and, in the built-in outbox, the
// live link with their token. That token is the one the dashboard already hands the same person
// (`myPendingPulse`); its hash already sits beside the person in PulseToken, and an answer row holds
// neither the person, the token nor its hash. So the message ties a person to their own token, never
// to an answer; and a token answers only for the person it was made for, signed in, so whoever reads
// the copy cannot answer in their name. What a reminder does say is that its recipient had not
// answered at the reminder's moment: participation, never content.
import { randomUUID } from 'node:crypto';
import type { TenantTx } from '../db/client.ts';
import {
  renderStaffMessage,
  type StaffMessageContent,
  type StaffMessageLinks,
} from '../domain/messages/render-staff-message.ts';
import type { StaffMessageKind } from '../domain/types.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { runtime } from '../runtime.ts';
import type { Mailer } from './mailer.ts';
import { derivedToken } from '../auth/tokens.ts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface QueueStaffMessageInput {
  userId: string;
  kind: StaffMessageKind;
  /** What it says; the organization's and the staff member's names are filled in. */
  content: DistributiveOmit<StaffMessageContent, 'organizationName' | 'staffName'>;
}

/** The links a staff message carries: live when sent, masked (`token` null) in the copy made when queued. */
function linksOf(content: StaffMessageContent, token: string | null): StaffMessageLinks {
  const { publicUrl } = runtime().config;
  if (content.template === 'WEBHOOK_DISABLED') return { webhooks: `${publicUrl}/settings#webhooks` };
  return { pulse: `${publicUrl}/?pulse=${token ?? '••••••'}` };
}

/**
 * Queues messages to staff in the caller's transaction, each rendered in its recipient's language
 * with masked links; the worker renders the live ones when it sends. Email only: staff have no
 * phone number here.
 */
export async function queueStaffMessages(
  tx: TenantTx,
  organizationId: string,
  messages: QueueStaffMessageInput[],
  now: Date,
): Promise<void> {
  if (messages.length === 0) return;
  const [organization, users] = await Promise.all([
    tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true } }),
    tx.user.findMany({
      where: { id: { in: [...new Set(messages.map((message) => message.userId))] } },
      select: { id: true, name: true, locale: true },
    }),
  ]);
  const byId = new Map(users.map((user) => [user.id, user]));
  await tx.message.createMany({
    data: messages.map((message) => {
      const user = byId.get(message.userId)!;
      const content = {
        ...message.content,
        organizationName: organization.name,
        staffName: user.name,
      } as StaffMessageContent;
      const rendered = renderStaffMessage(content, user.locale, linksOf(content, null));
      return {
        id: randomUUID(),
        organizationId,
        userId: user.id,
        kind: message.kind,
        channel: 'EMAIL' as const,
        locale: user.locale,
        content: content as object,
        scheduledFor: now,
        subject: rendered.subject,
        body: rendered.text,
        html: rendered.html,
        createdAt: now,
      };
    }),
  });
}

/** Checked at send time: why a staff message no longer goes out, or the pulse token its link carries. */
async function sendCheck(
  tx: TenantTx,
  userId: string,
  content: StaffMessageContent,
  now: Date,
): Promise<{ reason: string } | { token: string | null }> {
  if (content.template === 'WEBHOOK_DISABLED') return { token: null };
  const round = await tx.pulseRound.findUnique({ where: { id: content.roundId } });
  if (!round || round.status !== 'OPEN' || round.closesAt <= now)
    return { reason: 'The pulse round closed before the message went out.' };
  if (content.template === 'PULSE_REMINDER') {
    const token = await tx.pulseToken.findUnique({
      where: { roundId_userId: { roundId: round.id, userId } },
      select: { used: true },
    });
    if (token?.used) return { reason: 'Answered before the reminder went out.' };
  }
  return { token: derivedToken(round.tokenSecret, userId) };
}

/**
 * Sends one claimed staff message inside the worker's transaction (see message.service.ts). The
 * row is locked, so an instance whose lease ran out and one that took the message over never both
 * send it.
 */
export async function deliverToStaff(
  tx: TenantTx,
  id: string,
  attempts: number,
  mailer: Mailer | null,
  now: Date,
): Promise<void> {
  await tx.$queryRaw(Prisma.sql`SELECT id FROM "Message" WHERE id = ${id} FOR UPDATE`);
  const message = await tx.message.findUniqueOrThrow({
    where: { id },
    include: { user: { select: { email: true, active: true } } },
  });
  if (message.status !== 'SCHEDULED' || message.attempts !== attempts) return;
  const content = message.content as StaffMessageContent;
  const check = message.user!.active
    ? await sendCheck(tx, message.userId!, content, now)
    : { reason: 'The staff member is no longer active.' };
  if ('reason' in check) {
    await tx.message.update({
      where: { id },
      data: { status: 'CANCELLED', reasons: [check.reason], leaseUntil: null },
    });
    return;
  }
  const live = renderStaffMessage(content, message.locale, linksOf(content, check.token));
  let stored = { subject: message.subject, body: message.body, html: message.html };
  if (mailer) {
    await mailer.send({
      to: message.user!.email,
      subject: live.subject,
      text: live.text,
      html: live.html,
      messageId: id,
      // Trofast writes to the staff itself: the organization's sender name is for its customers.
      sender: { name: null, replyTo: null },
    });
  } else {
    stored = { subject: live.subject, body: live.text, html: live.html };
  }
  await tx.message.update({
    where: { id },
    data: { ...stored, status: 'SENT', sentAt: now, reasons: [], leaseUntil: null },
  });
}

/**
 * Tells every active ADMIN that Trofast disabled an endpoint (not a person: they know), in the
 * worker's transaction that disables it. Both automatic causes are told: three days of failures, and
 * a 410 Gone, which may as well be a receiver's mistake.
 */
export async function queueEndpointDisabled(
  tx: TenantTx,
  endpoint: { organizationId: string; url: string; description: string | null },
  cause: 'GONE' | 'FAILING',
  now: Date,
): Promise<void> {
  const admins = await tx.user.findMany({ where: { role: 'ADMIN', active: true }, select: { id: true } });
  await queueStaffMessages(
    tx,
    endpoint.organizationId,
    admins.map((admin) => ({
      userId: admin.id,
      kind: 'WEBHOOK_DISABLED' as const,
      content: { template: 'WEBHOOK_DISABLED' as const, url: endpoint.url, description: endpoint.description, cause },
    })),
    now,
  );
}
