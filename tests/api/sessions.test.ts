import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sha256 } from '../../api/src/auth/tokens.ts';
import { SESSION_TTL_MS } from '../../api/src/auth/authenticate.ts';
import { db } from '../../api/src/runtime.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { createTestOrganization, login, PASSWORD, type TestOrganization } from '../support/fixtures.ts';
import { readSseUntil, socketClient, untilDelivered } from '../support/subscriptions.ts';

let app: TestApp;
let org: TestOrganization;

const LOGIN = `mutation ($input: LoginInput!) {
  login(input: $input) {
    __typename
    ... on MutationLoginSuccess { data { token expiresAt user { email role } } }
    ... on ValidationError { message fieldErrors { path message } }
    ... on RateLimitedError { message retryAfterSeconds }
  }
}`;

beforeAll(async () => {
  app = await startTestApp();
  org = await createTestOrganization(app, 'Sessions');
});
afterAll(() => app.stop());

describe('signing in', () => {
  test('the right password returns a session whose token is stored only as its SHA-256', async () => {
    const result = await app.graphql(LOGIN, { input: { email: org.emails.AGENT, password: PASSWORD } });
    const session = result.data!.login.data;
    expect(session.user).toEqual({ email: org.emails.AGENT, role: 'AGENT' });
    expect(Buffer.from(session.token, 'base64url').length).toBeGreaterThanOrEqual(32);
    const stored = await db().acrossOrganizations.session.findUnique({ where: { tokenHash: sha256(session.token) } });
    expect(stored).not.toBeNull();
    const everything = JSON.stringify(await db().acrossOrganizations.session.findMany());
    expect(everything).not.toContain(session.token);
  });

  test('a password is stored only as an argon2id hash with m = 19 MiB, t = 2, p = 1', async () => {
    const user = await db().acrossOrganizations.user.findFirstOrThrow({ where: { email: org.emails.AGENT } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user.passwordHash).not.toContain(PASSWORD);
  });

  test('a wrong password and an unknown email get the same error, naming no account', async () => {
    const wrong = await app.graphql(LOGIN, { input: { email: org.emails.VIEWER, password: 'not it' } });
    const unknown = await app.graphql(LOGIN, { input: { email: 'nobody@nowhere.example', password: 'not it' } });
    expect(wrong.data!.login).toEqual({
      __typename: 'ValidationError',
      message: 'The email or password is wrong.',
      fieldErrors: [{ path: ['input', 'password'], message: 'The email or password is wrong.' }],
    });
    expect(unknown.data!.login).toEqual(wrong.data!.login);
  });

  /** Signs in from `address`, as the dashboard's server on this host says its visitor's address. */
  async function signIn(email: string, password: string, address: string) {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ query: LOGIN, variables: { input: { email, password } } }),
    });
    return ((await response.json()) as { data: { login: Record<string, any> } }).data.login;
  }

  test('after 5 wrong passwords for one email the next attempt waits 1 s, and the answer says so', async () => {
    const { emails } = await createTestOrganization(app, 'Pause');
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await signIn(emails.VIEWER, `guess ${attempt}`, '198.51.100.1')).__typename).toBe('ValidationError');
    }
    expect(await signIn(emails.VIEWER, PASSWORD, '198.51.100.1')).toEqual({
      __typename: 'RateLimitedError',
      message: 'Too many sign-in attempts. Try again in 1 second.',
      retryAfterSeconds: 1,
    });
    app.clock.advance(1000);
    expect((await signIn(emails.VIEWER, PASSWORD, '198.51.100.1')).__typename).toBe('MutationLoginSuccess');
  });

  test('each further wrong password doubles the pause, never past 15 minutes, and the owner gets in after it', async () => {
    const { emails } = await createTestOrganization(app, 'Growing');
    const pauses: number[] = [];
    while (pauses.length < 12) {
      const answer = await signIn(emails.AGENT, 'a guess', '198.51.100.2');
      if (answer.__typename !== 'RateLimitedError') continue;
      pauses.push(answer.retryAfterSeconds);
      app.clock.advance(answer.retryAfterSeconds * 1000);
    }
    expect(pauses).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
    expect((await signIn(emails.AGENT, 'one more guess', '198.51.100.2')).__typename).toBe('ValidationError');
    // Another address does not reach the account any sooner: the pause is the account's.
    expect((await signIn(emails.AGENT, PASSWORD, '203.0.113.9')).__typename).toBe('RateLimitedError');
    app.clock.advance(900 * 1000);
    expect((await signIn(emails.AGENT, PASSWORD, '198.51.100.2')).__typename).toBe('MutationLoginSuccess');
  });

  test('guesses over many emails from one address pause after 20; another address is not slowed', async () => {
    const answers: string[] = [];
    for (let attempt = 0; attempt < 21; attempt++) {
      answers.push((await signIn(`sweep-${attempt}@nowhere.example`, 'x', '198.51.100.3')).__typename);
    }
    expect(answers.slice(0, 20).every((answer) => answer === 'ValidationError')).toBe(true);
    expect(answers[20]).toBe('RateLimitedError');
    expect((await signIn('sweep-21@nowhere.example', 'x', '198.51.100.4')).__typename).toBe('ValidationError');
  });

  test('what the throttle has forgotten, an hour later, the background job deletes', async () => {
    await signIn('forgotten@nowhere.example', 'x', '198.51.100.5');
    const rows = () =>
      db().acrossOrganizations.$queryRaw<{ key: string }[]>`SELECT "key" FROM "SignInThrottle"
        WHERE "key" IN ('account:forgotten@nowhere.example', 'address:198.51.100.5')`;
    expect(await rows()).toHaveLength(2);
    app.clock.advance(61 * 60 * 1000);
    await app.runJobs();
    expect(await rows()).toEqual([]);
  });
});

describe('a session', () => {
  test('slides its expiry forward with use', async () => {
    const token = await login(app, org.emails.VIEWER);
    const hash = sha256(token);
    const first = await db().acrossOrganizations.session.findUniqueOrThrow({ where: { tokenHash: hash } });
    app.clock.advance(2 * 60 * 60 * 1000);
    await app.graphql('{ me { id } }', {}, token);
    const after = await db().acrossOrganizations.session.findUniqueOrThrow({ where: { tokenHash: hash } });
    expect(after.expiresAt.getTime()).toBe(app.clock.now().getTime() + SESSION_TTL_MS);
    expect(after.expiresAt.getTime()).toBeGreaterThan(first.expiresAt.getTime());
  });

  test('expires after 12 hours without use', async () => {
    const token = await login(app, org.emails.VIEWER);
    app.clock.advance(SESSION_TTL_MS + 1000);
    const result = await app.graphql('{ me { id } }', {}, token);
    expect(result.errors?.[0]).toMatchObject({
      message: 'The session has ended or expired: sign in again.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  test('logout ends it: the token is refused from the next request on', async () => {
    const token = await login(app, org.emails.AGENT);
    expect((await app.graphql('mutation { logout }', {}, token)).data).toEqual({ logout: true });
    const after = await app.graphql('{ me { id } }', {}, token);
    expect(after.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('logging out closes the open WebSocket of that session, with 4403', async () => {
    const token = await login(app, org.emails.MANAGER);
    const socket = socketClient(app.url, `Bearer ${token}`);
    await socket.connected;
    await app.graphql('mutation { logout }', {}, token);
    expect(await socket.closed).toBe(4403);
  });

  test('a session that expires closes its open WebSocket, with 4403', async () => {
    const token = await login(app, org.emails.MANAGER);
    const socket = socketClient(app.url, `Bearer ${token}`);
    await socket.connected;
    let closedWith: number | undefined;
    void socket.closed.then((code) => (closedWith = code));
    app.clock.advance(SESSION_TTL_MS - 60_000);
    await app.runJobs();
    // Still open, and not about to close: the session has not ended, and any revocation the jobs
    // wrote would have been relayed by now.
    const { endedAt } = await db().acrossOrganizations.session.findUniqueOrThrow({
      where: { tokenHash: sha256(token) },
    });
    expect(endedAt).toBeNull();
    await untilDelivered(org.id);
    expect(closedWith).toBeUndefined();

    app.clock.advance(60_000);
    await app.runJobs();
    expect(await socket.closed).toBe(4403);
  });

  test('a session that expires ends its SSE subscription', async () => {
    const token = await login(app, org.emails.VIEWER);
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'subscription { alertRaised { kind } }' }),
    });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    app.clock.advance(SESSION_TTL_MS);
    await app.runJobs();
    expect(await readSseUntil(response, 'event: complete')).toMatch(/event: complete/);
  });

  test('an expired session is recorded as ended at the moment it expired', async () => {
    const token = await login(app, org.emails.AGENT);
    const { expiresAt } = await db().acrossOrganizations.session.findUniqueOrThrow({
      where: { tokenHash: sha256(token) },
    });
    app.clock.advance(SESSION_TTL_MS + 60 * 60 * 1000);
    await app.runJobs();
    const ended = await db().acrossOrganizations.session.findUniqueOrThrow({ where: { tokenHash: sha256(token) } });
    expect(ended.endedAt).toEqual(expiresAt);
  });

  test('a WebSocket without credentials, or with a bad one, is closed with 4403', async () => {
    expect(await socketClient(app.url).closed).toBe(4403);
    expect(await socketClient(app.url, 'Bearer not-a-session').closed).toBe(4403);
  });
});

describe('staff management', () => {
  // The session tests above move the clock past their tokens' expiry: sign in afresh.
  beforeAll(async () => {
    org = await createTestOrganization(app, 'Staff');
  });

  test('an ADMIN creates a staff member, who signs in with the password shown once', async () => {
    const created = await app.graphql(
      `mutation { createUser(input: { email: "ny@staff.example", name: "Ny Medarbejder", role: AGENT, locale: DA }) {
        __typename ... on MutationCreateUserSuccess { data { initialPassword user { email role locale active } } } } }`,
      {},
      org.tokens.ADMIN,
    );
    const { initialPassword, user } = created.data!.createUser.data;
    expect(user).toEqual({ email: 'ny@staff.example', role: 'AGENT', locale: 'DA', active: true });
    expect(initialPassword).toMatch(/^\S{16}$/);
    await login(app, 'ny@staff.example', initialPassword);
  });

  test('an ADMIN changes a name and role; a bad email names its field', async () => {
    const users = await app.graphql('{ users { id email role } }', {}, org.tokens.ADMIN);
    const viewer = users.data!.users.find((user: { email: string }) => user.email === org.emails.VIEWER);
    const updated = await app.graphql(
      `mutation ($id: ID!) { updateUser(input: { id: $id, role: AGENT, name: "Forfremmet" }) {
        ... on MutationUpdateUserSuccess { data { name role } } } }`,
      { id: viewer.id },
      org.tokens.ADMIN,
    );
    expect(updated.data!.updateUser.data).toEqual({ name: 'Forfremmet', role: 'AGENT' });
    const bad = await app.graphql(
      `mutation { createUser(input: { email: "nope", name: "X", role: VIEWER }) { ... on ValidationError { fieldErrors { path } } } }`,
      {},
      org.tokens.ADMIN,
    );
    expect(bad.data!.createUser.fieldErrors).toEqual([{ path: ['input', 'email'] }]);
  });

  test('deactivating a staff member ends their sessions at once', async () => {
    const { tokens } = await createTestOrganization(app, 'Deactivate');
    const users = await app.graphql('{ users { id role } }', {}, tokens.ADMIN);
    const agent = users.data!.users.find((user: { role: string }) => user.role === 'AGENT');
    await app.graphql(`mutation ($id: ID!) { deactivateUser(id: $id) { __typename } }`, { id: agent.id }, tokens.ADMIN);
    const after = await app.graphql('{ me { id } }', {}, tokens.AGENT);
    expect(after.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  test('deactivating a staff member closes their open WebSocket, with 4403', async () => {
    const { tokens } = await createTestOrganization(app, 'Deactivate socket');
    const socket = socketClient(app.url, `Bearer ${tokens.AGENT}`);
    await socket.connected;
    const users = await app.graphql('{ users { id role } }', {}, tokens.ADMIN);
    const agent = users.data!.users.find((user: { role: string }) => user.role === 'AGENT');
    await app.graphql(`mutation ($id: ID!) { deactivateUser(id: $id) { __typename } }`, { id: agent.id }, tokens.ADMIN);
    expect(await socket.closed).toBe(4403);
  });

  test('the last ADMIN cannot be demoted or deactivated', async () => {
    const { tokens } = await createTestOrganization(app, 'LastAdmin');
    const me = await app.graphql('{ me { id } }', {}, tokens.ADMIN);
    const demoted = await app.graphql(
      `mutation ($id: ID!) { updateUser(input: { id: $id, role: VIEWER }) { ... on ValidationError { message } } }`,
      { id: me.data!.me.id },
      tokens.ADMIN,
    );
    expect(demoted.data!.updateUser.message).toBe('This is the last admin: make someone else ADMIN first.');
  });

  test('every staff member chooses their own dashboard language', async () => {
    const result = await app.graphql(
      'mutation { updateMe(input: { locale: DA }) { ... on MutationUpdateMeSuccess { data { locale } } } }',
      {},
      org.tokens.VIEWER,
    );
    expect(result.data!.updateMe.data).toEqual({ locale: 'DA' });
  });
});
