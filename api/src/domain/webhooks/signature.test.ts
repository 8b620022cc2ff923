import { describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { newWebhookSecret, webhookSignature } from './signature.ts';

describe('the Standard Webhooks signature', () => {
  const body = JSON.stringify({
    type: 'alert.raised',
    timestamp: '2026-12-07T10:00:00.000Z',
    data: { alert: 'QWxlcnQ6MQ==' },
  });
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = (signature: string) => ({
    'webhook-id': 'RXZlbnQ6MQ==',
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signature,
  });

  it('the official verifier accepts it', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{32}$/);
    const signature = webhookSignature([secret], 'RXZlbnQ6MQ==', timestamp, body);
    expect(new Webhook(secret).verify(body, headers(signature))).toEqual(JSON.parse(body));
  });

  it('two secrets sign side by side, and each verifies', () => {
    const [old, current] = [newWebhookSecret(), newWebhookSecret()];
    const signature = webhookSignature([current, old], 'RXZlbnQ6MQ==', timestamp, body);
    expect(signature.split(' ')).toHaveLength(2);
    for (const secret of [old, current])
      expect(() => new Webhook(secret).verify(body, headers(signature))).not.toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers(signature))).toThrow();
  });
});
