// Whether the answer page takes an answer: one answer per invitation, changeable for 14 days;
// nothing once the invitation expired or was never sent.
import { DAY_MS } from '../time/duration.ts';

export const ANSWER_CHANGEABLE_DAYS = 14;

export interface InvitationState {
  status: 'SCHEDULED' | 'SENT' | 'SKIPPED' | 'ANSWERED' | 'EXPIRED' | 'CANCELLED';
  expiresAt: Date;
  answeredAt: Date | null;
}

export type Answerability =
  | { answerable: true; changing: boolean; changeableUntil: Date | null }
  | { answerable: false; reason: 'EXPIRED' | 'CLOSED' | 'UNAVAILABLE' };

export function invitationAnswerable(invitation: InvitationState, now: Date): Answerability {
  if (invitation.status === 'ANSWERED' && invitation.answeredAt) {
    const changeableUntil = new Date(invitation.answeredAt.getTime() + ANSWER_CHANGEABLE_DAYS * DAY_MS);
    return changeableUntil > now
      ? { answerable: true, changing: true, changeableUntil }
      : { answerable: false, reason: 'CLOSED' };
  }
  if (invitation.status === 'SENT')
    return invitation.expiresAt > now
      ? { answerable: true, changing: false, changeableUntil: null }
      : { answerable: false, reason: 'EXPIRED' };
  if (invitation.status === 'EXPIRED') return { answerable: false, reason: 'EXPIRED' };
  return { answerable: false, reason: 'UNAVAILABLE' };
}
