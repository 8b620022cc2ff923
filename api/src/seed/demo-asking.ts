// The demo's asking: CSAT after resolve and relational NPS every 6 months switched on (off for a
// new organization), and a history of invitations told through the real rules — answered ones
// tied to the answers the demo already holds, ones the care rules skipped (no consent), and ones
// that expired unanswered.
import type { AuthenticatedCaller } from '../auth/caller.ts';
import { mayDeliver } from '../domain/messages/may-deliver.ts';
import { DAY_MS } from '../domain/time/duration.ts';
import { tenantDb } from '../runtime.ts';
import { contactFacts } from '../services/contact.service.ts';
import { queueInvitations, SURVEY_SELECT } from '../services/invitation.service.ts';
import { INVITATION_DAYS } from '../services/message.service.ts';
import { asDemoStaff } from './demo-audit.ts';
import { organizationSettings, updateOrganizationSettings } from '../services/organization-settings.service.ts';
import { writeTransaction } from '../services/transaction.service.ts';
import type { DemoCustomer } from './demo-customers.ts';
import type { Random } from './random.ts';

export async function seedDemoAsking(
  caller: AuthenticatedCaller,
  random: Random,
  now: Date,
  customers: DemoCustomer[],
) {
  const db = tenantDb(caller);
  const [nps, csat] = await Promise.all([
    db.survey.findFirstOrThrow({ where: { kind: 'NPS' }, select: SURVEY_SELECT }),
    db.survey.findFirstOrThrow({ where: { kind: 'CSAT' }, select: SURVEY_SELECT }),
  ]);
  await asDemoStaff(caller, 'admin@nordlys.example', 'updateOrganizationSettings', () =>
    updateOrganizationSettings(caller, {
      surveyTriggers: { csatAfterResolveSurveyId: csat.id, npsSurveyId: nps.id, npsEveryMonths: 6 },
    }),
  );
  const settings = await organizationSettings(caller);
  // Answered: the NPS answers of the last four months came from invitations.
  const answers = await db.feedback.findMany({
    where: { surveyId: nps.id, occurredAt: { gt: new Date(now.getTime() - 120 * DAY_MS) } },
    select: { id: true, customerId: true, occurredAt: true, channel: true },
    take: 40,
  });
  const answered = new Set(answers.map((answer) => answer.customerId));
  const others = customers.filter((customer) => !answered.has(customer.id));
  const expiring = others.slice(0, 12);
  const asked = others.slice(12, 40);
  const sentAt = (customerId: string, fallbackDays: number) => {
    const answer = answers.find((one) => one.customerId === customerId);
    return answer
      ? new Date(answer.occurredAt.getTime() - random.int(1, 48) * 3_600_000)
      : new Date(now.getTime() - fallbackDays * DAY_MS);
  };
  const history = [
    ...answers.map((answer) => ({
      customerId: answer.customerId,
      at: sentAt(answer.customerId, 0),
      feedbackId: answer.id,
    })),
    ...expiring.map((customer) => ({
      customerId: customer.id,
      at: sentAt(customer.id, random.int(40, 100)),
      feedbackId: null,
    })),
    ...asked.map((customer) => ({
      customerId: customer.id,
      at: sentAt(customer.id, random.int(2, 25)),
      feedbackId: null,
    })),
  ];
  await writeTransaction(caller.organizationId, async (tx) => {
    const ids = await queueInvitations(
      tx,
      caller.organizationId,
      nps,
      history.map(({ customerId, at }) => ({ customerId, channel: 'EMAIL', scheduledFor: at })),
      now,
    );
    const invitations = await tx.surveyInvitation.findMany({
      where: { id: { in: ids } },
      include: { customer: { select: { email: true, phone: true } } },
    });
    for (const [index, invitation] of invitations.entries()) {
      const { at, feedbackId } = history[ids.indexOf(invitation.id)];
      // What the care rules said then: those without consent were skipped, with the reasons.
      const advice = mayDeliver(
        { kind: 'SURVEY_INVITE', channel: 'EMAIL' },
        invitation.customer,
        { ...(await contactFacts(tx, invitation.customerId, settings, at)), surveyCooldown: undefined },
        settings,
        at,
      );
      const expiresAt = new Date(at.getTime() + INVITATION_DAYS * DAY_MS);
      if (!advice.allowed && !feedbackId) {
        await tx.message.update({
          where: { id: invitation.messageId },
          data: { status: 'SKIPPED', reasons: advice.reasons, nextAllowedAt: advice.nextAllowedAt },
        });
        await tx.surveyInvitation.update({ where: { id: invitation.id }, data: { status: 'SKIPPED' } });
        continue;
      }
      const status = feedbackId ? 'ANSWERED' : expiresAt <= now ? 'EXPIRED' : 'SENT';
      await tx.message.update({ where: { id: invitation.messageId }, data: { status: 'SENT', sentAt: at } });
      await tx.surveyInvitation.update({
        where: { id: invitation.id },
        data: {
          status,
          sentAt: at,
          expiresAt,
          feedbackId,
          answeredAt: feedbackId ? answers.find((answer) => answer.id === feedbackId)!.occurredAt : null,
          // A token nobody holds: the demo's history links are not live.
          tokenHash: `demo-${index}-${invitation.id}`,
        },
      });
      await tx.interaction.create({
        data: {
          organizationId: caller.organizationId,
          customerId: invitation.customerId,
          channel: 'EMAIL',
          direction: 'OUTBOUND',
          kind: 'SURVEY_INVITE',
          personal: false,
          occurredAt: at,
          note: null,
        },
      });
    }
  });
}
