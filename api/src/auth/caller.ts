import type { ApiKeyScope, Locale, Role } from '../domain/types.ts';

/** Who is calling: a signed-in staff member, a partner's API key, a customer on their own page, or nobody. */
export type Caller =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      organizationId: string;
      userId: string;
      sessionId: string;
      role: Role;
      locale: Locale;
    }
  | {
      kind: 'apiKey';
      organizationId: string;
      apiKeyId: string;
      scopes: ApiKeyScope[];
    }
  /** A customer on their own page (an email link or a shop's signed token): that customer and nothing else. */
  | {
      kind: 'member';
      organizationId: string;
      customerId: string;
      memberSessionId: string;
    }
  /** Trofast itself: the demo seed and background jobs. Never arrives through the API. */
  | { kind: 'system'; organizationId: string };

export type AuthenticatedCaller = Exclude<Caller, { kind: 'anonymous' }>;

export const ANONYMOUS: Caller = { kind: 'anonymous' };

/** The identity idempotency keys and audit notes are scoped to. */
export function callerId(caller: AuthenticatedCaller): string {
  switch (caller.kind) {
    case 'user':
      return `user:${caller.userId}`;
    case 'apiKey':
      return `apiKey:${caller.apiKeyId}`;
    case 'member':
      return `member:${caller.customerId}`;
    case 'system':
      return 'system';
  }
}

export function systemCaller(organizationId: string): AuthenticatedCaller {
  return { kind: 'system', organizationId };
}

/** Resolvers behind the authorization matrix only run for signed-in callers; this says so to TypeScript. */
export function authenticated(context: { caller: Caller }): AuthenticatedCaller {
  if (context.caller.kind === 'anonymous') throw new Error('An anonymous caller passed the authorization matrix.');
  return context.caller;
}
