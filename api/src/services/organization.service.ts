// Organizations and their first admin: `pnpm trofast create-org` and the demo seed.
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../auth/passwords.ts';
import { FieldErrors } from '../domain/errors.ts';
import { slugFor } from '../domain/member/slug-for.ts';
import { isEmailAddress } from '../domain/validation/is-email-address.ts';
import type { Locale, Role } from '../domain/types.ts';
import { db } from '../runtime.ts';

export interface NewStaff {
  email: string;
  name: string;
  role: Role;
  password: string;
  locale?: Locale;
}

export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}

export async function createOrganization(name: string, staff: NewStaff[]) {
  const problems = new FieldErrors();
  if (name.trim() === '') problems.add(['name'], 'Give the organization a name.');
  staff.forEach((person, index) => {
    if (!isEmailAddress(person.email))
      problems.add(['staff', String(index), 'email'], `"${person.email}" is not an email address.`);
    if (person.password.length < 8) problems.add(['staff', String(index), 'password'], 'Use at least 8 characters.');
  });
  problems.throwIfAny();
  const hashes = await Promise.all(staff.map((person) => hashPassword(person.password)));
  // A new organization has no id yet to name it by, which the unbound client would ask for.
  return db().acrossOrganizations.$transaction(async (tx) => {
    const slug = slugFor(name);
    // Another shop may have the name already: its slug stays, this one gets a short suffix.
    const taken = await tx.organization.findUnique({ where: { slug }, select: { id: true } });
    const organization = await tx.organization.create({
      data: { name: name.trim(), slug: taken ? `${slug}-${randomBytes(3).toString('hex')}` : slug },
    });
    await tx.user.createMany({
      data: staff.map((person, index) => ({
        organizationId: organization.id,
        email: person.email.toLowerCase(),
        name: person.name,
        role: person.role,
        locale: person.locale ?? 'EN',
        passwordHash: hashes[index],
      })),
    });
    return organization;
  });
}
