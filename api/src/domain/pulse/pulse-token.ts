import { createHmac } from 'node:crypto';

/**
 * A person's token for a round: HMAC(round secret, person). Only its hash is stored beside the
 * person, and the dashboard (or the invitation email) can hand the person theirs again.
 */
export const pulseTokenFor = (roundSecret: string, userId: string) =>
  createHmac('sha256', roundSecret).update(userId).digest('base64url');
