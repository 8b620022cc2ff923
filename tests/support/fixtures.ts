// An organization with one staff member per role, signed in, through the real services and API.
import { createOrganization } from '../../api/src/services/organization.service.ts';
import type { Role } from '../../api/src/domain/types.ts';
import type { TestApp } from './app.ts';

export const ROLES: Role[] = ['ADMIN', 'MANAGER', 'AGENT', 'VIEWER'];
export const PASSWORD = 'correct horse battery';

export interface TestOrganization {
  id: string;
  name: string;
  /** The member page's address: /m/<slug>. */
  slug: string;
  /** A session token per role. */
  tokens: Record<Role, string>;
  emails: Record<Role, string>;
}

export async function login(app: Pick<TestApp, 'graphql'>, email: string, password = PASSWORD): Promise<string> {
  const result = await app.graphql(
    `mutation ($input: LoginInput!) { login(input: $input) { __typename ... on MutationLoginSuccess { data { token } } ... on Error { message } } }`,
    { input: { email, password } },
  );
  const login = result.data?.login;
  if (login?.__typename !== 'MutationLoginSuccess') throw new Error(`login ${email}: ${JSON.stringify(result)}`);
  return login.data.token;
}

export async function createTestOrganization(
  app: Pick<TestApp, 'graphql'>,
  name = 'Testbutik',
): Promise<TestOrganization> {
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${Math.random().toString(36).slice(2, 8)}`;
  const emails = Object.fromEntries(ROLES.map((role) => [role, `${role.toLowerCase()}@${slug}.example`])) as Record<
    Role,
    string
  >;
  const organization = await createOrganization(
    name,
    ROLES.map((role) => ({ email: emails[role], name: `${role} of ${name}`, role, password: PASSWORD })),
  );
  const tokens = Object.fromEntries(
    await Promise.all(ROLES.map(async (role) => [role, await login(app, emails[role])])),
  ) as Record<Role, string>;
  return { id: organization.id, name, slug: organization.slug, tokens, emails };
}
