// Staff management (ADMIN) and each staff member's own preferences.
import type { AuthenticatedCaller } from '../auth/caller.ts';
import { hashPassword } from '../auth/passwords.ts';
import { FieldErrors, NotFoundError, ValidationError } from '../domain/errors.ts';
import type { Locale, Role } from '../domain/types.ts';
import { runtime, tenantDb } from '../runtime.ts';
import { emit } from './event-log.service.ts';
import { writeTransaction } from './transaction.service.ts';
import { generatePassword } from './organization.service.ts';
import { isEmailAddress } from '../domain/validation/is-email-address.ts';

export interface CreateUserInput {
  email: string;
  name: string;
  role: Role;
  locale?: Locale | null;
  password?: string | null;
}

export async function createUser(caller: AuthenticatedCaller, input: CreateUserInput) {
  const problems = new FieldErrors();
  const email = input.email.trim().toLowerCase();
  if (!isEmailAddress(email)) problems.add(['input', 'email'], `"${input.email}" is not an email address.`);
  if (input.name.trim() === '') problems.add(['input', 'name'], 'Give the staff member a name.');
  if (input.password != null && input.password.length < 10)
    problems.add(['input', 'password'], 'Use at least 10 characters.');
  problems.throwIfAny();
  // Only this organization's staff are looked at: another organization's are not the caller's to know of.
  if (await tenantDb(caller).user.findFirst({ where: { email }, select: { id: true } })) {
    throw ValidationError.at(['input', 'email'], 'A staff member of your organization already has this email.');
  }
  const password = input.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const user = await writeTransaction(caller.organizationId, (tx) =>
    tx.user.create({
      data: {
        organizationId: caller.organizationId,
        email,
        name: input.name.trim(),
        role: input.role,
        locale: input.locale ?? 'EN',
        passwordHash,
      },
    }),
  );
  return { user, initialPassword: input.password == null ? password : null };
}

export interface UpdateUserInput {
  id: string;
  name?: string | null;
  role?: Role | null;
  locale?: Locale | null;
}

async function activeAdmins(caller: AuthenticatedCaller): Promise<number> {
  return tenantDb(caller).user.count({ where: { role: 'ADMIN', active: true } });
}

export async function updateUser(caller: AuthenticatedCaller, input: UpdateUserInput) {
  const db = tenantDb(caller);
  const user = await db.user.findUnique({ where: { id: input.id } });
  if (!user) throw new NotFoundError('Staff member');
  if (input.name != null && input.name.trim() === '')
    throw ValidationError.at(['input', 'name'], 'A name cannot be empty.');
  if (user.role === 'ADMIN' && input.role && input.role !== 'ADMIN' && (await activeAdmins(caller)) <= 1) {
    throw ValidationError.at(['input', 'role'], 'This is the last admin: make someone else ADMIN first.');
  }
  return writeTransaction(caller.organizationId, (tx) =>
    tx.user.update({
      where: { id: input.id },
      data: {
        ...(input.name != null ? { name: input.name.trim() } : {}),
        ...(input.role ? { role: input.role } : {}),
        ...(input.locale ? { locale: input.locale } : {}),
      },
    }),
  );
}

/** Deactivating ends every session of the staff member; their open sockets close. */
export async function deactivateUser(caller: AuthenticatedCaller, id: string) {
  const { clock } = runtime();
  const db = tenantDb(caller);
  const user = await db.user.findUnique({ where: { id } });
  if (!user) throw new NotFoundError('Staff member');
  if (user.role === 'ADMIN' && user.active && (await activeAdmins(caller)) <= 1) {
    throw ValidationError.at(['id'], 'This is the last admin: make someone else ADMIN first.');
  }
  const now = clock.now();
  return writeTransaction(caller.organizationId, async (tx) => {
    await tx.session.updateMany({ where: { userId: id, endedAt: null }, data: { endedAt: now } });
    emit(tx, 'credential.revoked', { userId: id });
    return tx.user.update({ where: { id }, data: { active: false } });
  });
}

/** What every staff member may change about themselves: the name shown and the language. */
export async function updateMe(caller: AuthenticatedCaller, input: { name?: string | null; locale?: Locale | null }) {
  if (caller.kind !== 'user') throw new NotFoundError('Staff member');
  return updateUser(caller, { id: caller.userId, name: input.name, locale: input.locale });
}
