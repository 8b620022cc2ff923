// Customers, created or updated by their external id (unique per organization), and found by a
// CustomerRef: the global id or the partner's external id.
import type { AuthenticatedCaller } from '../auth/caller.ts';
import { FieldErrors, NotFoundError } from '../domain/errors.ts';
import type { Channel, CustomerKind, Locale } from '../domain/types.ts';
import { runtime, tenantDb, type TenantDbLike } from '../runtime.ts';
import { writeTransaction } from './transaction.service.ts';
import { organizationSettings } from './organization-settings.service.ts';
import { isEmailAddress } from '../domain/validation/is-email-address.ts';

/** A customer named by our id or by the partner's external id (exactly one). */
export interface CustomerRef {
  id?: string | null;
  externalId?: string | null;
}

export interface UpsertCustomerInput {
  externalId: string;
  name: string;
  email?: string | null;
  phone?: string | null;
  kind?: CustomerKind | null;
  locale?: Locale | null;
  accountManagerId?: string | null;
  consents?: { channel: Channel; granted: boolean }[] | null;
}

const MAX_TEXT = 200;

function validate(input: UpsertCustomerInput, at: string[]): FieldErrors {
  const problems = new FieldErrors();
  const text = (field: keyof UpsertCustomerInput, value: string | null | undefined, required: boolean) => {
    if (value == null) return;
    if (required && value.trim() === '') problems.add([...at, field], 'Must not be empty.');
    if (value.length > MAX_TEXT) problems.add([...at, field], `At most ${MAX_TEXT} characters.`);
  };
  text('externalId', input.externalId, true);
  text('name', input.name, true);
  text('phone', input.phone, false);
  if (input.email != null && input.email !== '' && !isEmailAddress(input.email.trim())) {
    problems.add([...at, 'email'], `"${input.email}" is not an email address.`);
  }
  const channels = (input.consents ?? []).map((consent) => consent.channel);
  if (new Set(channels).size !== channels.length) problems.add([...at, 'consents'], 'Give each channel once.');
  return problems;
}

export async function upsertCustomer(caller: AuthenticatedCaller, input: UpsertCustomerInput) {
  const problems = validate(input, ['input']);
  const db = tenantDb(caller);
  if (input.accountManagerId) {
    const manager = await db.user.findUnique({ where: { id: input.accountManagerId }, select: { active: true } });
    if (!manager?.active) problems.add(['input', 'accountManagerId'], 'No active staff member has this id.');
  }
  problems.throwIfAny();
  const settings = await organizationSettings(caller);
  const now = runtime().clock.now();
  const fields = {
    name: input.name.trim(),
    ...(input.email !== undefined ? { email: input.email?.trim() || null } : {}),
    ...(input.phone !== undefined ? { phone: input.phone?.trim() || null } : {}),
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.locale ? { locale: input.locale } : {}),
    ...(input.accountManagerId !== undefined ? { accountManagerId: input.accountManagerId } : {}),
  };
  return writeTransaction(
    caller.organizationId,
    async (tx) => {
      const customer = await tx.customer.upsert({
        where: {
          organizationId_externalId: { organizationId: caller.organizationId, externalId: input.externalId.trim() },
        },
        create: {
          organizationId: caller.organizationId,
          externalId: input.externalId.trim(),
          locale: settings.defaultLocale,
          riskComputedAt: now,
          // A new customer's read model is computed by the next background round.
          recomputeAt: now,
          createdAt: now,
          ...fields,
        },
        update: fields,
      });
      for (const consent of input.consents ?? []) {
        await tx.channelConsent.upsert({
          where: {
            organizationId_customerId_channel: {
              organizationId: caller.organizationId,
              customerId: customer.id,
              channel: consent.channel,
            },
          },
          create: {
            organizationId: caller.organizationId,
            customerId: customer.id,
            channel: consent.channel,
            granted: consent.granted,
            updatedAt: now,
          },
          update: { granted: consent.granted, updatedAt: now },
        });
      }
      return customer;
    },
    { answersRequest: true },
  );
}

/** Finds the customers of many refs at once; returns one id (or null when unknown) per ref. */
export async function resolveCustomerRefs(db: TenantDbLike, refs: CustomerRef[]): Promise<(string | null)[]> {
  const ids = [...new Set(refs.map((ref) => ref.id).filter((id): id is string => Boolean(id)))];
  const externalIds = [...new Set(refs.map((ref) => ref.externalId).filter((id): id is string => Boolean(id)))];
  const found = await db.customer.findMany({
    where: { OR: [{ id: { in: ids } }, { externalId: { in: externalIds } }] },
    select: { id: true, externalId: true },
  });
  const byId = new Set(found.map((customer) => customer.id));
  const byExternalId = new Map(found.map((customer) => [customer.externalId, customer.id]));
  return refs.map((ref) =>
    ref.id ? (byId.has(ref.id) ? ref.id : null) : (byExternalId.get(ref.externalId ?? '') ?? null),
  );
}

export async function resolveCustomerRef(db: TenantDbLike, ref: CustomerRef): Promise<string> {
  const [id] = await resolveCustomerRefs(db, [ref]);
  if (!id) throw new NotFoundError('Customer');
  return id;
}
