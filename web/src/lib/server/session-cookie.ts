// The session cookie: HTTP-only, and as long-lived as the API's session behind it.
import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from './graphql-ws-proxy.js';

/**
 * The API ends a session 12 hours after its last use (SESSION_TTL_MS in api/src/auth/authenticate.ts)
 * and slides that with every request; the cookie slides with it, or active staff would be signed
 * out 12 hours after they signed in.
 */
export const SESSION_IDLE_SECONDS = 12 * 60 * 60;

/** Sets the cookie to expire with the session: at `expires` when the API said so, else 12 hours from now. */
export function keepSessionCookie(cookies: Cookies, token: string, secure: boolean, expires?: Date): void {
  cookies.set(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    ...(expires ? { expires } : { maxAge: SESSION_IDLE_SECONDS }),
  });
}
