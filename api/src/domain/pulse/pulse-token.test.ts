import { describe, expect, it } from 'vitest';
import { pulseTokenFor } from './pulse-token.ts';

describe('a pulse token', () => {
  it('is the same for one person and round, and differs for another person or round', () => {
    const token = pulseTokenFor('round-secret', 'user-1');
    expect(pulseTokenFor('round-secret', 'user-1')).toBe(token);
    expect(pulseTokenFor('round-secret', 'user-2')).not.toBe(token);
    expect(pulseTokenFor('other-round', 'user-1')).not.toBe(token);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
