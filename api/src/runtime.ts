// One process, one runtime: buildApp() opens the database, the event bus and the clock at start,
// and services read them here rather than through each request's context.
import type { Config } from './config.ts';
import type { Clock } from './clock.ts';
import type { Database, TenantDb, TenantTx } from './db/client.ts';
import type { AuthenticatedCaller } from './auth/caller.ts';
import type { Logger } from './log.ts';
import type { PubSub } from './pubsub.ts';
import type { EventRelay } from './event-relay.ts';
import type { WebhookWorker } from './webhooks/worker.ts';

export interface Runtime {
  config: Config;
  db: Database;
  /** This instance's subscribers: fed by `events` from the log. */
  pubsub: PubSub;
  /** The event log's reader on this instance; writes wake it after they commit. */
  events: EventRelay;
  clock: Clock;
  log: Logger;
  /** This instance's webhook deliveries (absent in the command line, which delivers nothing). */
  webhooks?: WebhookWorker;
}

let current: Runtime | undefined;

export function useRuntime(next: Runtime | undefined): void {
  current = next;
}

export function runtime(): Runtime {
  if (!current) throw new Error('Trofast is not started: call buildApp().start() first.');
  return current;
}

export const db = (): Database => runtime().db;

/** The database bound to the caller's organization: every query stays inside it. */
export const tenantDb = (caller: AuthenticatedCaller): TenantDb => runtime().db.forOrganization(caller.organizationId);

/** A tenant client or a transaction of one: services accept either. */
export type TenantDbLike = TenantDb | TenantTx;
