import { describe, expect, test } from 'vitest';
import type { Cookies } from '@sveltejs/kit';
import { keepSessionCookie, SESSION_IDLE_SECONDS } from './session-cookie';

function recordingCookies() {
  const set: { name: string; value: string; options: Record<string, unknown> }[] = [];
  const cookies = {
    set: (name: string, value: string, options: Record<string, unknown>) => set.push({ name, value, options }),
  };
  return { cookies: cookies as unknown as Cookies, set };
}

describe('the session cookie', () => {
  test('refreshed on use, it lives another 12 hours, as the API slides the session', () => {
    const { cookies, set } = recordingCookies();
    keepSessionCookie(cookies, 'token-1', true);
    expect(set).toEqual([
      {
        name: 'trofast_session',
        value: 'token-1',
        options: { path: '/', httpOnly: true, sameSite: 'lax', secure: true, maxAge: SESSION_IDLE_SECONDS },
      },
    ]);
    expect(SESSION_IDLE_SECONDS).toBe(12 * 60 * 60);
  });

  test('at sign-in it expires when the API says the session does', () => {
    const { cookies, set } = recordingCookies();
    const expires = new Date('2026-03-02T22:00:00Z');
    keepSessionCookie(cookies, 'token-2', false, expires);
    expect(set[0].options).toEqual({ path: '/', httpOnly: true, sameSite: 'lax', secure: false, expires });
  });
});
