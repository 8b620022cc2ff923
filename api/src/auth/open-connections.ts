// What stays open after the request that opened it was authenticated: graphql-ws sockets and
// subscription streams (SSE and graphql-ws alike). When their credential ends (logout, expiry, a
// revoked key, a deactivated staff member), `credentialRevoked` reaches every API instance and
// each closes what it holds.
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { Caller } from './caller.ts';
import type { PubSubEvents } from '../pubsub.ts';

type CredentialRevoked = PubSubEvents['credentialRevoked'][0];

function isRevoked(caller: Caller, revoked: CredentialRevoked): boolean {
  switch (caller.kind) {
    case 'user':
      return caller.sessionId === revoked.sessionId || caller.userId === revoked.userId;
    case 'apiKey':
      return caller.apiKeyId === revoked.apiKeyId;
    case 'member':
      return caller.memberSessionId === revoked.sessionId;
    case 'anonymous':
    case 'system':
      return false;
  }
}

export class OpenConnections {
  private readonly open = new Set<{ caller: Caller; close: () => void }>();

  /** Holds what `caller` opened; returns the release to call once it closes for another reason. */
  hold(caller: Caller, close: () => void): () => void {
    const entry = { caller, close };
    this.open.add(entry);
    return () => this.open.delete(entry);
  }

  /** Closes everything opened with the revoked credential. */
  revoke(revoked: CredentialRevoked): void {
    for (const entry of this.open) {
      if (!isRevoked(entry.caller, revoked)) continue;
      this.open.delete(entry);
      entry.close();
    }
  }
}

/** Holds every subscription until it ends; a revocation ends it as if the client had left. */
export function useOpenSubscriptions(open: OpenConnections): Plugin<{ caller: Caller }> {
  return {
    onSubscribe({ args }) {
      const { caller } = args.contextValue;
      return {
        onSubscribeResult({ result }) {
          if (!isAsyncIterable(result)) return;
          const release = open.hold(caller, () => void result.return?.());
          return { onEnd: release };
        },
      };
    },
  };
}
