// The Standard Webhooks signature (standardwebhooks.com): `v1,` + base64 HMAC-SHA256 of
// `id.timestamp.body`, keyed with the bytes of the secret after `whsec_`. Several secrets sign
// side by side, space-separated, while a rotation's old secret still counts.
import { createHmac, randomBytes } from 'node:crypto';

export const SECRET_PREFIX = 'whsec_';

/** A new secret: `whsec_` and 24 random bytes in base64. */
export function newWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(24).toString('base64');
}

/** The `webhook-signature` header for `body` sent as `id` at `timestampSeconds`. */
export function webhookSignature(secrets: readonly string[], id: string, timestampSeconds: number, body: string) {
  return secrets
    .map((secret) => {
      const key = Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
      return `v1,${createHmac('sha256', key).update(`${id}.${timestampSeconds}.${body}`).digest('base64')}`;
    })
    .join(' ');
}
